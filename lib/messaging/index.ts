/**
 * The runtime of the message contracts (lib/contracts/messages): typed sending, and one
 * listener per context that dispatches to its handlers and carries errors back as text.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ToBackground, ToContent, ToPages } from '../contracts/messages';
import type { Envelope, Handler, Handlers, MessageName, Reply, RequestOf, ResponseOf } from './types';

export type { Envelope, Handler, HandlerFor, Handlers, HandlersOf, MessageName, Reply, RequestOf, ResponseOf } from './types';
export { allHandlers } from './handlers';

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).newsmark === 1;
}

/** Sends a typed request to the background (or, from the background, tells open extension pages). */
export async function sendMessage<N extends keyof ToBackground | keyof ToPages>(type: N, data: RequestOf<N>): Promise<ResponseOf<N>>;
/** Sends a typed request to the content script of tab `tabId`. */
export async function sendMessage<N extends keyof ToContent>(type: N, data: RequestOf<N>, tabId: number): Promise<ResponseOf<N>>;
export async function sendMessage<N extends MessageName>(type: N, data: RequestOf<N>, tabId?: number): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { newsmark: 1, type, data };
  const reply = (tabId === undefined
    ? await browser.runtime.sendMessage(envelope)
    : await browser.tabs.sendMessage(tabId, envelope)) as Reply<ResponseOf<N>> | undefined;
  if (!reply) throw new Error(`No handler answered "${type}"`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Registers one runtime listener that dispatches to `handlers`. It answers through
 * `sendResponse` and `return true`, which every browser (and WXT's fake browser)
 * honours, and turns a thrown error into a `Reply` instead of a silent `undefined`.
 * Returns a function that removes the listener.
 */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: Reply<unknown>) => void,
  ): true | undefined => {
    const reply = answerMessage(handlers, message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/**
 * The reply of `handlers` to `message`, errors carried as text; undefined when it is not ours or
 * none of them answers it (another listener may). Also how the content pipeline answers a
 * message its first stage received before the pipeline was loaded.
 */
export function answerMessage(handlers: Handlers, message: unknown, sender: Browser.runtime.MessageSender = {}): Promise<Reply<unknown>> | undefined {
  if (!isEnvelope(message)) return undefined;
  const handler = handlers[message.type] as Handler<MessageName> | undefined;
  if (!handler) return undefined;
  return Promise.resolve()
    .then(() => handler(message.data, sender))
    .then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
}
