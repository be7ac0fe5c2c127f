/**
 * Every command but update's fast path (and explore, a stage above), evaluated as one piece
 * when a command runs: program.ts imports it with import(), so that update.ts can answer an
 * up-to-date project without evaluating any of this (the schema library, the sync engine).
 */
export { addTypeFlags } from '../answers/flags.js';
export { readConfig, REWRITES_LATER, REWRITES_NOW } from '../config/load.js';
export { readWorkspace } from '../config/workspace.js';
export { pipeline } from '../pipeline.js';
export { updateWorkspace } from './workspace.js';
export { detach } from './detach.js';
export { init } from './init.js';
export { list } from './list.js';
export { mcp } from './mcp.js';
export { outdated } from './outdated.js';
export { schema } from './schema.js';
export { show } from './show.js';
export { findUnits } from './units.js';
export { validate } from './validate.js';
