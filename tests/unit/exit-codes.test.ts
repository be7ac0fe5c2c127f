/** The one place errors become exit codes (program.ts), and what each prints. */
import { describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../src/errors.js';
import { failure, main } from '../../src/program.js';
import { tempDir, testContext } from '../helpers/project.js';

describe('exit codes', () => {
  it('are 2 for bad input (one line, no stack), 130 for Ctrl+C and 70 for a bug', () => {
    const ctx = testContext(tempDir());
    expect(failure(new UserError('--type: expected ml|library, found "game"'), ctx, false, false, 'init')).toBe(2);
    expect(ctx.err).toBe('error: --type: expected ml|library, found "game"\n');
    expect(failure(new CancelledError(), ctx, false, false, 'init')).toBe(130);
    expect(ctx.err).toContain('Cancelled. Nothing was written.');
    ctx.err = '';
    expect(failure(new TypeError('x is undefined'), ctx, false, false, 'init')).toBe(70);
    expect(ctx.err).toBe('internal error: x is undefined\nThis is a bug in Scaffold. Run again with --verbose for details, and report it.\n');
    ctx.err = '';
    failure(new TypeError('x is undefined'), ctx, false, true, 'init');
    expect(ctx.err).toMatch(/^internal error: x is undefined\nTypeError: x is undefined\n\s+at /);
  });

  it('puts bad input into the JSON object with --json', () => {
    const ctx = testContext(tempDir());
    failure(new UserError('config.yml:4: ml.projectPhase: expected training|inference|both', ['--depth: expected summary|full, found "abc"'], { hint: 'Fix config.yml and run again' }), ctx, true, false, 'validate');
    expect(JSON.parse(ctx.out)).toEqual({
      ok: false,
      command: 'validate',
      warnings: [],
      errors: [
        { code: 'invalid', message: 'config.yml:4: ml.projectPhase: expected training|inference|both', file: 'config.yml', line: 4, hint: 'Fix config.yml and run again' },
        { code: 'invalid', message: '--depth: expected summary|full, found "abc"', flag: '--depth', hint: 'Fix config.yml and run again' },
      ],
    });
    expect(ctx.err).toBe('');
  });

  it('reports a failing disk as an environment error, exit 2', () => {
    const ctx = testContext(tempDir());
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC', syscall: 'write', path: '/p/docs/.a.md.scaffold-tmp' });
    expect(failure(full, ctx, true, false, 'update')).toBe(2);
    expect(JSON.parse(ctx.out).errors).toEqual([{ code: 'environment', message: 'cannot write /p/docs/a.md (ENOSPC): the disk is full: free some space' }]);
  });

  it('treats an unknown command as bad input', async () => {
    expect(await main(['node', 'scaffold', 'frobnicate'])).toBe(2);
  });
});
