/**
 * The wizard asks through this interface, so tests can answer with a fake and the prompt library
 * is imported only when a question is really shown.
 */
import { CancelledError } from '../errors.js';
import { prompts } from '../vendor/load.js';

export interface PromptChoice<T> {
  value: T;
  name: string;
  description?: string;
  checked?: boolean;
}

export interface Prompter {
  select<T>(message: string, choices: PromptChoice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: PromptChoice<T>[]): Promise<T[]>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  input(message: string, defaultValue: string, validate: (value: string) => string | true): Promise<string>;
  /** A line (or lines) between the questions: where, a broken rule, the summary. */
  note(text: string): void;
}

/** The real prompts, from @inquirer/prompts. Ctrl+C becomes a CancelledError (exit 130). */
export function inquirerPrompter(): Prompter {
  const cancellable = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') throw new CancelledError();
      throw error;
    }
  };
  return {
    select: (message, choices, defaultValue) =>
      cancellable(async () => (await prompts()).select({ message, choices, default: defaultValue, pageSize: 10 })),
    checkbox: (message, choices) =>
      cancellable(async () => (await prompts()).checkbox({ message, choices, pageSize: 15, loop: false })),
    confirm: (message, defaultValue) => cancellable(async () => (await prompts()).confirm({ message, default: defaultValue })),
    input: (message, defaultValue, validate) =>
      cancellable(async () => (await prompts()).input({ message, default: defaultValue, validate })),
    note: (text) => void process.stdout.write(`${text}\n`),
  };
}
