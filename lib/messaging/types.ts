/** The types of the messaging runtime: names, requests and answers, handlers, and the wire shapes. */
import type { Browser } from 'wxt/browser';
import type { AllMessages, Message, MessageMap } from '../contracts/messages';

export type MessageName = keyof AllMessages;
export type RequestOf<N extends MessageName> = AllMessages[N]['request'];
export type ResponseOf<N extends MessageName> = AllMessages[N]['response'];

/** What answers one message. */
export type HandlerFor<E extends Message<unknown, unknown, boolean>> = (
  data: E['request'],
  sender: Browser.runtime.MessageSender,
) => E['response'] | Promise<E['response']>;

export type Handler<N extends MessageName> = HandlerFor<AllMessages[N]>;

/** Handlers for some messages, as `handleMessages` takes them. */
export type Handlers = { [N in MessageName]?: Handler<N> };

/**
 * A handler for every message of `M` and for no other: what a feature's part, or a context's
 * whole map, is typed as.
 */
export type HandlersOf<M extends MessageMap> = { [N in keyof M]: HandlerFor<M[N]> } & { [N in Exclude<MessageName, keyof M>]?: never };

/** The wire shape of a request. `newsmark` tells our messages apart from other senders'. */
export interface Envelope<N extends MessageName = MessageName> {
  newsmark: 1;
  type: N;
  data: RequestOf<N>;
}

/** The wire shape of an answer: errors travel as text so every context can show them. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
