/**
 * Every command but update's fast path, loaded as one piece when a command runs: the bundle
 * splits at each import() of a module of src/ (src/build/bundle.mjs), so a command is added
 * here rather than imported on its own, and a run loads a handful of files instead of twenty.
 * update.ts stays apart so that an up-to-date project is answered without loading any of this.
 */
import * as z from 'zod';

// zod compiles a parser for each object schema on its first use, which pays off only after
// many parses; a command parses each schema once or twice, and the plain path is faster.
z.config({ jitless: true });

export { addTypeFlags } from '../answers/flags.js';
export { readConfig, REWRITES_LATER, REWRITES_NOW } from '../config/load.js';
export { readWorkspace } from '../config/workspace.js';
export { pipeline } from '../pipeline.js';
export { updateWorkspace } from './workspace.js';
export { detach } from './detach.js';
export { explore } from '../explore/command.js';
export { init } from './init.js';
export { list } from './list.js';
export { mcp } from './mcp.js';
export { outdated } from './outdated.js';
export { schema } from './schema.js';
export { show } from './show.js';
export { findUnits } from './units.js';
export { validate } from './validate.js';
