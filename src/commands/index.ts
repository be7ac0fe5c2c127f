/**
 * Every command but update's fast path, loaded as one piece when a command runs. The bundle
 * keeps lazy imports as separate files; one file here (rather than one per command, each
 * sharing pieces with the others) means a run loads a handful of files instead of thirty,
 * which saved about 9 ms of every init (issue 8). update.ts stays apart so that an up-to-date
 * project is answered without loading any of this.
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
export { init } from './init.js';
export { list } from './list.js';
export { schema } from './schema.js';
export { show } from './show.js';
export { validate } from './validate.js';
