/**
 * Laws of the version comparator and the deep-link router, checked on generated cases.
 * Pattern: state a property that must hold for every input (an ordering is antisymmetric and
 * transitive; build then parse gives the route back; parsing never throws) and check it on a few
 * hundred seeded cases. Replace the generators when your routes or version format change.
 */
import { describe, expect, it } from 'vitest';
import { buildDeepLink, parseDeepLink, type Route } from '../../src/links/deep-links';
import { compareVersions, parseVersion, type Version } from '../../src/updates/version-gate';
import { forAll, type Random } from './random';

const version = (r: Random): Version => [r.int(0, 3), r.int(0, 12), r.int(0, 12)];
const sign = (n: number) => Math.sign(n);

describe('version ordering', () => {
  it('is antisymmetric and agrees with parsing the printed version', () => {
    forAll(300, (r) => [version(r), version(r)] as const, ([a, b]) => {
      expect(sign(compareVersions(a, b))).toBe(-sign(compareVersions(b, a)));
      expect(parseVersion(a.join('.'))).toEqual(a);
    });
  });

  it('is transitive', () => {
    forAll(300, (r) => [version(r), version(r), version(r)].sort(compareVersions), ([a, b, c]) => {
      expect(compareVersions(a!, b!)).toBeLessThanOrEqual(0);
      expect(compareVersions(b!, c!)).toBeLessThanOrEqual(0);
      expect(compareVersions(a!, c!)).toBeLessThanOrEqual(0);
    });
  });
});

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
const ANY_CHARS = `${ID_CHARS} /?#&=%+.:@!$'()*,;~é€😀`;

function route(r: Random): Route {
  switch (r.int(0, 3)) {
    case 0:
      return { screen: 'note', noteId: r.string(ID_CHARS, r.int(1, 64)) };
    case 1:
      return { screen: 'search', query: r.string(ANY_CHARS, r.int(1, 30)).trim() || 'x' };
    case 2:
      return { screen: 'settings' };
    default:
      return { screen: 'home' };
  }
}

describe('deep links', () => {
  it('parse back every link they build', () => {
    forAll(300, route, (value) => {
      expect(parseDeepLink(buildDeepLink(value))).toEqual(value);
    });
  });

  it('never throw on arbitrary input, however malformed', () => {
    const prefixes = ['', 'https://example.com/', 'com.example.notes://', 'https://example.com/notes/', 'http://'];
    forAll(500, (r) => r.pick(prefixes) + r.string(ANY_CHARS, r.int(0, 40)), (link) => {
      expect(() => parseDeepLink(link)).not.toThrow();
    });
  });
});
