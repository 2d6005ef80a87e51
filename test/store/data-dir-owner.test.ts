// The embedded database's lock in one process: a second claim is refused, a lock left by a process
// that is gone (or that cannot be read) is taken over, and a release leaves another's lock alone.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDataDir, DataDirInUseError, lockFileName } from '../../src/store/data-dir-owner.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'psahub-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The PID of a process that has exited: no process runs under it now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe('claimDataDir', () => {
  it('refuses a second claim, also from the same process, and frees the directory on release', async () => {
    const first = await claimDataDir(dir, 'psa-hub serve --role all');
    await first.noteUrl('http://127.0.0.1:8080');
    const second = claimDataDir(dir, 'psa-hub migrate');
    await expect(second).rejects.toThrow(DataDirInUseError);
    await expect(second).rejects.toThrow(
      /in use by psa-hub serve --role all \(this process, http:\/\/127\.0\.0\.1:8080\)/,
    );
    await first.release();
    const again = await claimDataDir(dir, 'psa-hub migrate');
    expect(JSON.parse(await readFile(path.join(dir, lockFileName), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'psa-hub migrate',
    });
    await again.release();
    expect(await readdir(dir)).toEqual([]); // no temporary files left either
  });

  it('takes over a lock whose process is gone, or that holds no owner', async () => {
    for (const stale of [JSON.stringify({ pid: deadPid(), command: 'psa-hub serve' }), '', 'garbage']) {
      await writeFile(path.join(dir, lockFileName), stale);
      const claim = await claimDataDir(dir, 'psa-hub serve --role all');
      expect(JSON.parse(await readFile(path.join(dir, lockFileName), 'utf8')).pid).toBe(process.pid);
      await claim.release();
    }
  });

  it('refuses while the process named in the lock runs', async () => {
    await writeFile(
      path.join(dir, lockFileName),
      JSON.stringify({ pid: process.ppid, command: 'psa-hub serve' }),
    );
    await expect(claimDataDir(dir, 'psa-hub migrate')).rejects.toThrow(`PID ${process.ppid}`);
    expect(await readdir(dir)).toEqual([lockFileName]); // left as it was
  });
});
