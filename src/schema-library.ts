/**
 * zod, as every schema of Scaffold uses it: the `zod/mini` build with English messages.
 *
 * zod/mini is zod's own smaller build, with the same parser and JSON Schema output and a
 * functional API (`z.optional(x)` for `x.optional()`). Chosen for start-up: building a schema
 * with the full build sets up every method of every class it uses on first use, and on two
 * cores three schemas and a parse cost 18 ms over an empty script with the full build and 5 ms
 * with mini (25 runs each, both with V8's code cache). Mini leaves the messages to a locale;
 * English is set here, once, for every schema. Import it as `import * as z from
 * '../schema-library.js'`.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod compiles a parser for each object schema on its first use, which pays off only after
// many parses; a command parses each schema once or twice, and the plain path is faster.
config({ ...en(), jitless: true });

// Named, not as one namespace object: the bundle then holds only the parts Scaffold uses.
export * from 'zod/mini';
