/**
 * Push parsing on generated payloads: whatever arrives, parsePush returns a notification or
 * undefined and never throws, and every alert it returns has a body.
 * Pattern: a generator of arbitrary JSON shaped loosely like provider payloads, so malformed
 * payloads from an old backend or a test console cannot crash notification handling.
 */
import { describe, expect, it } from 'vitest';
import { parsePush } from '../../src/push/push-payload';
import { forAll, type Random } from './random';

function json(r: Random, depth = 0): unknown {
  const keys = ['aps', 'alert', 'title', 'body', 'data', 'notification', 'url', 'type', 'thread-id', 'threadId', 'content-available'];
  switch (r.int(0, depth > 2 ? 3 : 5)) {
    case 0:
      return null;
    case 1:
      return r.int(-2, 2);
    case 2:
      return r.pick(['', ' ', 'sync', 'https://example.com/notes/42', 'hello', 'com.example.notes://settings']);
    case 3:
      return r.next() < 0.5;
    case 4:
      return Array.from({ length: r.int(0, 3) }, () => json(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(0, 4) }, () => [r.pick(keys), json(r, depth + 1)]));
  }
}

describe('parsePush on arbitrary payloads', () => {
  it('never throws, and every alert it returns has a body', () => {
    forAll(1000, (r) => json(r), (payload) => {
      const parsed = parsePush(payload);
      if (parsed?.kind === 'alert') expect(parsed.body.trim()).not.toBe('');
      expect(parsed === undefined || parsed.kind === 'alert' || parsed.kind === 'sync').toBe(true);
    });
  });
});
