/** The reader's library: every read and write of it is the background's, where its database is. */
import type {
  ArticleChanges, ArticleInput, ArticleRecord, CompanyNoteRecord, HighlightChanges, HighlightInput, HighlightRecord,
} from '../records';
import type { Message, NoData } from './message';

export type LibraryMessages = {
  /** popup, content: save the article (or refresh the record it has under any of its URLs). */
  saveArticle: Message<ArticleInput, ArticleRecord, true>;
  /** popup: remove from the library (a tombstone; highlights and notes are kept). */
  unsaveArticle: Message<{ id: string }, ArticleRecord, true>;
  /** popup, library: bring an unsaved article back as it was (undo of `unsaveArticle`). */
  undoUnsaveArticle: Message<{ id: string }, ArticleRecord, true>;
  /** popup, content: the saved article known under this URL or a variant of it. */
  getArticleByUrl: Message<{ url: string }, ArticleRecord | null>;
  /** popup, content, library: the article-level note and tags. */
  updateArticle: Message<{ id: string; changes: ArticleChanges }, ArticleRecord, true>;
  /** content: add a highlight to a saved article. */
  addHighlight: Message<HighlightInput, HighlightRecord, true>;
  /** content, popup: change a highlight's colour, note, tags or selectors. */
  updateHighlight: Message<{ id: string; changes: HighlightChanges }, HighlightRecord, true>;
  /** content, popup: delete a highlight (undoable with `undoDeleteHighlight`). */
  deleteHighlight: Message<{ id: string }, HighlightRecord, true>;
  /** content, popup: bring a deleted highlight back. */
  undoDeleteHighlight: Message<{ id: string }, HighlightRecord, true>;
  /** content, popup: an article's highlights, in reading order. */
  listHighlights: Message<{ articleId: string }, HighlightRecord[]>;
  /** content, popup: every tag used on articles and highlights, for suggestions while tagging. */
  listTags: Message<NoData, string[]>;
  /** content: how many saved articles name this company (hover card). */
  countSavedArticlesNaming: Message<{ companyId: string }, number>;
  /** dossier: the reader's note on a company itself (empty clears it). */
  saveCompanyNote: Message<{ companyId: string; companyName: string; note: string }, CompanyNoteRecord, true>;
};

/** The formats an import file may be in: our own JSON, W3C Web Annotations, a Hypothesis or an Omnivore export. */
export type ImportFormat = 'newsmark' | 'w3c' | 'hypothesis' | 'omnivore';

/** What an import did, for the library page to tell. */
export interface ImportSummary {
  format: ImportFormat;
  added: number;
  updated: number;
  unchanged: number;
  /** Annotations left out (not on a web page, quoting no text, replies). */
  skipped: number;
  /** What was left out or changed on the way in, in words. */
  remarks: string[];
}

export type LibraryImportMessages = {
  /** library: import a file in one transaction; refusals say why. */
  importLibrary: Message<{ text: string }, ImportSummary, true>;
  /** library: what importing a file would do (records the file would replace counted as `updated`), writing nothing. */
  previewImport: Message<{ text: string }, ImportSummary>;
};
