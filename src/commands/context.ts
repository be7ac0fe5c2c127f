/** What a command may use of the outside world; program.ts builds the real one, tests a fake. */
import type { Prompter } from '../answers/prompter.js';

export interface CommandContext {
  cwd: string;
  /** stdin and stdout are both terminals. */
  isTTY: boolean;
  color: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Made on first use, so the prompt library loads only when a question is asked. */
  prompter: () => Prompter;
}

/** Flags every writing command shares. */
export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
  dryRun?: boolean;
  force?: boolean;
}
