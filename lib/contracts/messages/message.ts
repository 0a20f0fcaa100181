/**
 * What every message map is made of. A map names each message a context answers; an entry
 * gives what the sender sends, what the handler answers, and whether it changes the reader's
 * library (articles, highlights, their notes): after such a message the background has open
 * pages read the library again and asks for a sync soon (entrypoints/background/after-writes.ts).
 */

export interface Message<Request, Response, Writes extends boolean = false> {
  request: Request;
  response: Response;
  writes: Writes;
}

/** Any map of messages, by name. */
export type MessageMap = { [name: string]: Message<unknown, unknown, boolean> };

/** For messages whose request carries nothing. */
export type NoData = Record<string, never>;

/** The names in `M` whose messages change the reader's library. */
export type WritingName<M extends MessageMap> = { [N in keyof M]: M[N]['writes'] extends true ? N : never }[keyof M];
