// The public API: everything exported here is a promise to your users, pinned by tests/api.test.ts.
export { DurationError, UNIT_MS, format, parse } from './duration.js';
export type { DurationUnit, FormatOptions } from './duration.js';
