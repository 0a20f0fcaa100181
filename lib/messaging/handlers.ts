/**
 * A context's handlers, put together from its features' parts so that the compiler checks the
 * whole: each message of the context's direction answered exactly once, and nothing else.
 */
import type { MessageMap } from '../contracts/messages';
import type { Handlers, HandlersOf } from './types';

/** The keys a part surely has (a part's type also lists the messages it must not answer, as optional). */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

type KeysOf<P extends readonly unknown[]> = P[number] extends infer U ? (U extends object ? RequiredKeys<U> : never) : never;

type Doubled<P extends readonly unknown[]> = P extends readonly [infer H, ...infer R extends readonly unknown[]]
  ? (RequiredKeys<NonNullable<H>> & KeysOf<R>) | Doubled<R>
  : never;

/** `unknown` when `P` answers each message of `M` exactly once; else a shape naming what is wrong, which `P` lacks. */
type Complete<M, P extends readonly unknown[]> = [Exclude<keyof M, KeysOf<P>>] extends [never]
  ? [Doubled<P>] extends [never]
    ? [Exclude<KeysOf<P>, keyof M>] extends [never]
      ? unknown
      : { notInThisDirection: Exclude<KeysOf<P>, keyof M> }
    : { answeredTwice: Doubled<P> }
  : { unanswered: Exclude<keyof M, KeysOf<P>> };

/**
 * `allHandlers<ToBackground>()(libraryHandlers(db), syncHandlers(deps), ...)`: one map of the
 * parts' handlers. A message of `M` that no part answers, one that two parts answer, or one
 * that is not in `M` is a compile error that names it. A part typed `... | undefined` is one a
 * browser may lack (the content script's highlights, without the Highlight API): where it is
 * absent its messages go unanswered, and the sender is told that no handler answered.
 */
export function allHandlers<M extends MessageMap>() {
  return <const P extends readonly (Handlers | undefined)[]>(...parts: P & Complete<M, P>): HandlersOf<M> =>
    Object.assign({}, ...parts) as HandlersOf<M>;
}
