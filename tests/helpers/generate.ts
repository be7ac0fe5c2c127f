/** Generate a real project in a temp folder through `scaffold init`, as a user would. */
import { init } from '../../src/commands/init.js';
import { tempDir, testContext } from './project.js';

/**
 * `flags` are init's options as commander would pass them, e.g.
 * `{ type: 'ml', mlPhase: 'both', mlModelType: 'classical', methodology: 'mvp' }`.
 */
export async function generateProject(flags: Record<string, unknown>, dir = tempDir()): Promise<string> {
  const ctx = testContext(dir);
  const code = await init(undefined, { yes: true, quiet: true, ...flags }, ctx);
  if (code !== 0) throw new Error(`init exited ${code}: ${ctx.err}${ctx.out}`);
  return dir;
}
