/**
 * Writing to stdout and stderr, and telling whether one is a terminal, without Node's streams
 * where the system allows it. process.stdout loads them the first time it is touched (node:stream,
 * and node:net and node:tty for a pipe or a terminal): about 4 ms of every command on two cores,
 * to print a line or two. On POSIX a write goes to the descriptor with fs.writeSync instead,
 * whole before it returns, as process.stdout's writes to files, pipes and terminals are on Linux.
 * A descriptor another program left non-blocking (EAGAIN) is waited for, and a reader that went
 * away (EPIPE: `scaffold init --help | head`) ends the run quietly, with its exit code so far.
 * On Windows, where a console needs process.stdout's conversion of the text, the streams write.
 */
import { fstatSync, writeSync } from 'node:fs';

const STREAMS = process.platform === 'win32';

export const writeOut = (text: string): void => write(1, text);
export const writeErr = (text: string): void => write(2, text);

function write(fd: 1 | 2, text: string): void {
  if (STREAMS) {
    streamOf(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (code !== 'EAGAIN') throw error;
      // A full non-blocking descriptor: sleep 5 ms, then write the rest.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

let watched = false;
/** process.stdout or process.stderr, ending the run quietly when the reader went away, as above. */
function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  if (!watched) {
    watched = true;
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
    }
  }
  return fd === 1 ? process.stdout : process.stderr;
}

/**
 * Whether stdout (1) or stdin (0) is a terminal. A pipe, a socket or a file never is, which a
 * stat tells without loading node:tty (and node:net with it); a character device may be.
 */
export function isTerminal(fd: 0 | 1): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (fd === 1 ? process.stdout : process.stdin).isTTY === true;
}
