/**
 * Newsmark's two content stages. The first stage (entrypoints/first-stage.ts) runs on every
 * page and is tiny; the pipeline (entrypoints/pipeline) is injected by the background only
 * where the first stage's look passes, where the page has saved highlights, or where the reader
 * asks. They meet through one property of the extension's isolated world, which the page's own
 * scripts cannot see, so a page can neither fake a stage nor switch one off.
 */

/** Why the pipeline was loaded: it marks the page as an article would be, or as the reader asked. */
export type LoadReason = 'looks-like-article' | 'saved-page' | 'reader-asked';

export interface PipelineStage {
  /** Starts marking (a second call with a stronger reason forces marking). */
  start(reason: LoadReason): void;
  /** Answers a message the first stage received before the pipeline was there; undefined for one it does not answer. */
  answer(message: unknown): Promise<unknown> | undefined;
}

export interface Stages {
  firstStage?: boolean;
  pipeline?: PipelineStage;
}

const KEY = '__newsmarkStages';

/** The stages' meeting point in this isolated world (`scope` is the content script's global). */
export function stagesIn(scope: object): Stages {
  const holder = scope as { [KEY]?: Stages };
  return (holder[KEY] ??= {});
}

/** The message the first stage sends for the pipeline (and its answer: whether it is there now). */
export const LOAD_PIPELINE = 'loadPipeline';
