/**
 * Routes runtime messages to one handler per message type and replies with `Reply<T>`.
 * Messages are validated here, at the receiver: content scripts run inside web pages, so a
 * message from one is untrusted input, and privileged types are refused from them.
 */
import type { Message, MessageType, Replies } from '../messages';
import type { MessageListener, MessageSender } from '../platform/extension-api';

export type Handler<M extends Message> = (message: M, sender: MessageSender) => Replies[M['type']] | Promise<Replies[M['type']]>;

export type Handlers = { [T in MessageType]: Handler<Extract<Message, { type: T }>> };

export interface RouterOptions {
  /** Types only extension pages (popup, options) may send; content scripts are refused. */
  privileged: ReadonlySet<MessageType>;
}

function isMessage(value: unknown, handlers: Handlers): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type } = value as { type?: unknown };
  return typeof type === 'string' && Object.hasOwn(handlers, type);
}

function describe(value: unknown): string {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return type === undefined ? `a message without a type (${JSON.stringify(value) ?? typeof value})` : `unknown message type ${JSON.stringify(type)}`;
}

export function createRouter(handlers: Handlers, options: RouterOptions): MessageListener {
  return (message, sender, sendResponse) => {
    if (!isMessage(message, handlers)) {
      sendResponse({ ok: false, error: describe(message) });
      return false;
    }
    if (sender.tab !== undefined && options.privileged.has(message.type)) {
      sendResponse({ ok: false, error: `${message.type} may only be sent by the extension's own pages, not by a content script` });
      return false;
    }
    const handler = handlers[message.type] as Handler<Message>;
    // Promise.resolve().then turns a handler that throws synchronously into a rejected promise.
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(
        (data) => sendResponse({ ok: true, data }),
        (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    // true keeps the message channel open until sendResponse is called.
    return true;
  };
}
