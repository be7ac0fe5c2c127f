/**
 * Deep-link parsing: custom-scheme links, universal links / App Links, and what is refused.
 * Pattern: a table of real-looking links and the route each must open, plus the hostile and
 * broken inputs that must open nothing. Replace the routes with your app's screens and add a row
 * for every link format you publish (emails, QR codes, push payloads).
 */
import { describe, expect, it } from 'vitest';
import { buildDeepLink, gateRoute, parseDeepLink, type Route } from '../../src/links/deep-links';

describe('parseDeepLink', () => {
  it.each<[string, Route]>([
    ['com.example.notes://notes/42', { screen: 'note', noteId: '42' }],
    ['com.example.notes:///notes/abc_DEF-9', { screen: 'note', noteId: 'abc_DEF-9' }],
    ['https://example.com/notes/42', { screen: 'note', noteId: '42' }],
    ['https://WWW.Example.com/notes/42/', { screen: 'note', noteId: '42' }],
    ['https://example.com/search?q=%20grocery%20list%20', { screen: 'search', query: 'grocery list' }],
    ['com.example.notes://settings', { screen: 'settings' }],
    ['https://example.com/', { screen: 'home' }],
  ])('opens %s', (link, route) => {
    expect(parseDeepLink(link)).toEqual(route);
  });

  it.each([
    ['another app or site', 'https://example.org/notes/42'],
    ['a look-alike host', 'https://example.com.evil.test/notes/42'],
    ['plain http, which App Links and universal links never use', 'http://example.com/notes/42'],
    ['an unknown screen', 'https://example.com/admin'],
    ['an id with characters ids never have', 'https://example.com/notes/..%2F..%2Fsecrets'],
    ['extra path segments', 'com.example.notes://notes/42/edit'],
    ['a search without a query', 'https://example.com/search?q=%20'],
    ['a malformed escape', 'https://example.com/notes/%E0%A4%A'],
    ['text that is not a URL', 'notes 42'],
  ])('refuses %s', (_, link) => {
    expect(parseDeepLink(link)).toBeUndefined();
  });
});

describe('buildDeepLink', () => {
  it('builds https links that parse back to the same route', () => {
    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'note', noteId: 'n-7' },
      { screen: 'search', query: 'tax & receipts 2026' },
      { screen: 'settings' },
    ];
    for (const route of routes) expect(parseDeepLink(buildDeepLink(route))).toEqual(route);
  });
});

describe('gateRoute', () => {
  it('sends signed-out people to sign-in first, then on to where the link pointed', () => {
    const note: Route = { screen: 'note', noteId: '42' };

    expect(gateRoute(note, false)).toEqual({ screen: 'sign-in', next: note });
    expect(gateRoute(note, true)).toEqual(note);
    expect(gateRoute({ screen: 'home' }, false)).toEqual({ screen: 'home' });
  });
});
