/**
 * Push payloads: APNs and FCM shapes parsed into one notification, taps routed through the
 * deep-link router, and foreground presentation.
 * Pattern: payloads copied from what your backend really sends (one per provider and kind),
 * plus malformed ones that must be ignored without throwing. Replace the payloads with yours
 * whenever the backend's format changes.
 */
import { describe, expect, it } from 'vitest';
import { parsePush, showInForeground, tapRoute } from '../../src/push/push-payload';

const apnsAlert = {
  aps: { alert: { title: 'Ana commented', body: 'Looks good to me' }, 'thread-id': 'note-42', 'mutable-content': 1 },
  url: 'https://example.com/notes/42',
};
const fcmAlert = {
  notification: { title: 'Ana commented', body: 'Looks good to me' },
  data: { url: 'https://example.com/notes/42', threadId: 'note-42' },
};

describe('parsePush', () => {
  it('reads an APNs alert and an FCM notification into the same notification', () => {
    const expected = { kind: 'alert', title: 'Ana commented', body: 'Looks good to me', route: { screen: 'note', noteId: '42' }, threadId: 'note-42' };

    expect(parsePush(apnsAlert)).toEqual(expected);
    expect(parsePush(fcmAlert)).toEqual(expected);
  });

  it('reads silent pushes as a sync nudge', () => {
    expect(parsePush({ aps: { 'content-available': 1 } })).toEqual({ kind: 'sync' });
    expect(parsePush({ data: { type: 'sync' } })).toEqual({ kind: 'sync' });
  });

  it('keeps an alert whose link is not ours, without a route', () => {
    expect(parsePush({ aps: { alert: 'Backup finished' }, url: 'https://phishing.example.net/login' })).toEqual({
      kind: 'alert',
      title: '',
      body: 'Backup finished',
      route: undefined,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', [apnsAlert]],
    ['an alert without a body', { aps: { alert: { title: 'Hi' } } }],
    ['an unknown provider shape', { message: { body: 'x' } }],
    ['a non-string body', { notification: { body: 42 } }],
  ])('ignores %s', (_, payload) => {
    expect(parsePush(payload)).toBeUndefined();
  });
});

describe('taps and presentation', () => {
  it('opens the linked screen on tap, through sign-in when signed out, or home without a link', () => {
    const comment = parsePush(apnsAlert)!;

    expect(tapRoute(comment, true)).toEqual({ screen: 'note', noteId: '42' });
    expect(tapRoute(comment, false)).toEqual({ screen: 'sign-in', next: { screen: 'note', noteId: '42' } });
    expect(tapRoute({ kind: 'sync' }, true)).toEqual({ screen: 'home' });
  });

  it('shows a banner in the foreground unless the person is already on that screen', () => {
    const comment = parsePush(fcmAlert)!;

    expect(showInForeground(comment, { screen: 'home' })).toBe(true);
    expect(showInForeground(comment, { screen: 'note', noteId: '42' })).toBe(false);
    expect(showInForeground({ kind: 'sync' }, { screen: 'home' })).toBe(false);
  });
});
