/** .scaffold/lock holds the pid of the run that is writing; a second run waits for nobody and stops. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { LOCK_FILE } from '../project-files.js';



export function acquireLock(projectDir: string): () => void {
  const path = join(projectDir, LOCK_FILE);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (isAlive(holder)) {
        throw new UserError(
          `another scaffold run (pid ${holder}) is updating this project; wait for it to finish, or delete ${LOCK_FILE} if that process is gone`,
        );
      }
      // The holder died without cleaning up: the lock is stale, take it over.
      rmSync(path, { force: true });
    }
  }
  throw new UserError(`could not take ${LOCK_FILE}; delete it and run again`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
