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
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as Handler<MessageName> | undefined;
    if (!handler) return undefined;
    Promise.resolve()
      .then(() => handler(message.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
