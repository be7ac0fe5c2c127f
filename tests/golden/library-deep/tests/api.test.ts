/**
 * Pattern: the public API surface, pinned. Adding or removing an export is a release decision
 * (a new feature or a breaking change), so it should show up as a failing test you update on
 * purpose, not slip out unnoticed. Type-only exports have no runtime value and are not listed;
 * tests/types pins them.
 * Replace: the name lists with your entry points' exports.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as nodeApi from '../src/node.js';

describe('public API', () => {
  it('exports exactly these names from the main entry', () => {
    expect(Object.keys(api).sort()).toEqual(['DurationError', 'UNIT_MS', 'format', 'parse']);
  });

  it('exports exactly these names from the Node entry', () => {
    expect(Object.keys(nodeApi).sort()).toEqual(['durationFromEnv']);
  });

  it('exports callable functions and an Error subclass', () => {
    expect(typeof api.parse).toBe('function');
    expect(typeof api.format).toBe('function');
    expect(api.DurationError.prototype).toBeInstanceOf(Error);
  });

  it('freezes the unit table so callers cannot change it for everyone', () => {
    expect(Object.isFrozen(api.UNIT_MS)).toBe(true);
    expect(api.UNIT_MS).toEqual({ d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 });
  });
});
