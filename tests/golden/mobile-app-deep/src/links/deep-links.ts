/**
 * One router for every way into the app: custom-scheme links (com.example.notes://notes/42),
 * universal links / App Links (https://example.com/notes/42) and notification taps. Parsing is
 * strict, because links arrive from anywhere: anything unrecognized returns undefined and the
 * app opens its home screen instead of guessing.
 */

export type Route =
  | { screen: 'home' }
  | { screen: 'note'; noteId: string }
  | { screen: 'search'; query: string }
  | { screen: 'settings' }
  | { screen: 'sign-in'; next: Route };

export const LINK_CONFIG = {
  /** The custom URL scheme registered in the app (Info.plist CFBundleURLTypes, Android intent filter, Expo `scheme`). */
  scheme: 'com.example.notes',
  /** Hosts verified for universal links (apple-app-site-association) and App Links (assetlinks.json). */
  hosts: ['example.com', 'www.example.com'],
} as const;

const NOTE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Path segments of a link this app handles, or undefined when the link is not for this app. */
function segmentsOf(url: URL): string[] | undefined {
  const path = (text: string) => text.split('/').filter(Boolean).map(decodeURIComponent);
  if (url.protocol === `${LINK_CONFIG.scheme}:`) {
    // In com.example.notes://notes/42 the URL parser reads "notes" as the host.
    return [...path(url.host), ...path(url.pathname)];
  }
  const hosts: readonly string[] = LINK_CONFIG.hosts;
  if (url.protocol === 'https:' && hosts.includes(url.hostname.toLowerCase())) return path(url.pathname);
  return undefined;
}

export function parseDeepLink(link: string): Route | undefined {
  let url: URL;
  let segments: string[] | undefined;
  try {
    url = new URL(link.trim());
    segments = segmentsOf(url);
  } catch {
    return undefined; // not a URL, or a malformed %-escape
  }
  if (segments === undefined) return undefined;
  const [first, second, ...rest] = segments;
  if (rest.length > 0) return undefined;
  if (first === undefined) return { screen: 'home' };
  if (first === 'notes' && second !== undefined) return NOTE_ID.test(second) ? { screen: 'note', noteId: second } : undefined;
  if (first === 'search' && second === undefined) {
    const query = url.searchParams.get('q')?.trim() ?? '';
    return query === '' ? undefined : { screen: 'search', query };
  }
  if (first === 'settings' && second === undefined) return { screen: 'settings' };
  return undefined;
}

/** The https link for a route, for sharing; it opens the app where installed and the website elsewhere. */
export function buildDeepLink(route: Route): string {
  const base = `https://${LINK_CONFIG.hosts[0]}`;
  switch (route.screen) {
    case 'home':
      return `${base}/`;
    case 'note':
      return `${base}/notes/${encodeURIComponent(route.noteId)}`;
    case 'search':
      return `${base}/search?${new URLSearchParams({ q: route.query })}`;
    case 'settings':
      return `${base}/settings`;
    case 'sign-in':
      return buildDeepLink(route.next);
  }
}

/** Screens that show account data go through sign-in first, then continue where the link pointed. */
export function gateRoute(route: Route, signedIn: boolean): Route {
  if (signedIn || route.screen === 'home' || route.screen === 'sign-in') return route;
  return { screen: 'sign-in', next: route };
}
