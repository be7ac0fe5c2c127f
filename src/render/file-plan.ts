/** What the render stage produces and the sync stage applies. */

/**
 * - managed: Scaffold keeps it current; a person's edits are merged in, never lost.
 * - seed: written once, then the person's: never touched again.
 * - merge-json: a JSON file shared with the person (package.json): keys Scaffold needs are
 *   added, values the person set are never changed.
 * - block: a file the person also writes (AGENTS.md, CLAUDE.md): Scaffold owns one marked block
 *   in it (`content` is what goes inside); every other byte is the person's.
 * - lines: a block that holds only the lines of `content` the rest of the file lacks
 *   (.gitignore): Scaffold adds what is missing, never reorders or removes a line of the person's.
 * - config: .scaffold/config.yml, written by init from the answers; the person's file after that.
 */
export type Policy = 'managed' | 'seed' | 'merge-json' | 'block' | 'lines' | 'config';

/** One file of the FilePlan. */
export interface PlannedFile {
  /** Relative to the project, with `/` separators. */
  path: string;
  content: string;
  policy: Policy;
  /** What produced it, e.g. `knowledge ml-testing`, `suite ml-unit`. */
  source: string;
}

/** Every file Scaffold would write for a project, in memory: what the render stage returns. */
export type FilePlan = PlannedFile[];
