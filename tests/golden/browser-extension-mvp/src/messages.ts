/**
 * The message protocol between the extension's pages, its content scripts and the background:
 * one discriminated union, a reply type per message, and `send` to call the background. Payloads
 * cross a process boundary as JSON, so they hold plain data only (no Date, Map or class).
 */
import type { ExtensionApi } from './platform/extension-api';
import type { Settings } from './settings/settings';

export type Message =
  | { type: 'settings/get' }
  | { type: 'settings/update'; patch: Partial<Settings> }
  | { type: 'pause'; minutes: number }
  | { type: 'resume' };

export type MessageType = Message['type'];

export interface Replies {
  'settings/get': Settings;
  'settings/update': Settings;
  pause: { resumeAt: number };
  resume: Settings;
}

/** What the background sends back: the handler's result, or its error message. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Send a message to the background and unwrap its reply; a failed handler becomes a thrown Error. */
export async function send<M extends Message>(
  runtime: Pick<ExtensionApi['runtime'], 'sendMessage'>,
  message: M,
): Promise<Replies[M['type']]> {
  const reply = (await runtime.sendMessage(message)) as Reply<Replies[M['type']]> | undefined;
  if (reply === undefined) throw new Error(`no reply to ${message.type}: the background did not answer`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
