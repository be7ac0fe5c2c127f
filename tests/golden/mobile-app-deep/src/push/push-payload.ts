/**
 * Push payloads from APNs and FCM turned into one typed notification, and what to do with it:
 * show it or not while the app is open, and where a tap leads. A payload carries a link, not
 * personal data, and taps go through the same router as every other link (src/links).
 * Payloads come from outside the app: parsing never throws, anything unexpected is ignored.
 */
import { buildDeepLink, gateRoute, parseDeepLink, type Route } from '../links/deep-links';

export type PushNotification =
  | { kind: 'alert'; title: string; body: string; route: Route | undefined; threadId?: string }
  /** A silent push (APNs content-available, an FCM data message of type "sync"): a nudge to sync, never shown. */
  | { kind: 'sync' };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** APNs: { aps: { alert: { title, body }, "thread-id", "content-available" }, url }. */
function fromApns(payload: Json, aps: Json): PushNotification | undefined {
  const alert = aps.alert;
  if (alert === undefined && aps['content-available'] === 1) return { kind: 'sync' };
  const title = isObject(alert) ? text(alert.title) : undefined;
  const body = isObject(alert) ? text(alert.body) : text(alert);
  if (body === undefined) return undefined;
  const threadId = text(aps['thread-id']);
  return { kind: 'alert', title: title ?? '', body, route: linkRoute(payload.url), ...(threadId !== undefined && { threadId }) };
}

/** FCM: { notification: { title, body }, data: { url, type } }; data values are always strings. */
function fromFcm(payload: Json): PushNotification | undefined {
  const data = isObject(payload.data) ? payload.data : {};
  if (data.type === 'sync' && payload.notification === undefined) return { kind: 'sync' };
  const notification = isObject(payload.notification) ? payload.notification : undefined;
  const body = text(notification?.body);
  if (body === undefined) return undefined;
  const threadId = text(data.threadId);
  return { kind: 'alert', title: text(notification?.title) ?? '', body, route: linkRoute(data.url), ...(threadId !== undefined && { threadId }) };
}

function linkRoute(url: unknown): Route | undefined {
  return typeof url === 'string' ? parseDeepLink(url) : undefined;
}

export function parsePush(payload: unknown): PushNotification | undefined {
  if (!isObject(payload)) return undefined;
  if (isObject(payload.aps)) return fromApns(payload, payload.aps);
  if (isObject(payload.data) || isObject(payload.notification)) return fromFcm(payload);
  return undefined;
}

/** Where a tap on the notification leads: its link, through sign-in when needed, or home. */
export function tapRoute(notification: PushNotification, signedIn: boolean): Route {
  const route = notification.kind === 'alert' ? notification.route : undefined;
  return gateRoute(route ?? { screen: 'home' }, signedIn);
}

/**
 * Whether to show a notification that arrives while the app is in the foreground: not when the
 * person is already looking at what it links to, and never for silent pushes.
 */
export function showInForeground(notification: PushNotification, currentRoute: Route): boolean {
  if (notification.kind === 'sync') return false;
  return notification.route === undefined || buildDeepLink(notification.route) !== buildDeepLink(currentRoute);
}
