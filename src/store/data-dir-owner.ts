// The embedded database has one owner. PGlite is PostgreSQL running inside the process that opened
// it, with no server in between: a second process on the same folder writes past the first one's
// caches and WAL (what it writes is lost to the running hub, and the folder needs recovery after).
// So the first process claims the folder with a lock file naming itself, and any other refuses.
//
// The lock is a file `psa-hub.lock` holding the owner's PID, command and URL. It is placed with
// link(2), which is atomic and fails when the file exists, so a reader never sees a half-written
// one. A lock whose PID no longer runs (the owner was SIGKILLed or crashed) is stale and taken
// over at once: the kernel, not a clock, says whether the owner lives. proper-lockfile was
// considered and not used: it decides staleness by an mtime it refreshes on a timer, so after a
// SIGKILL the next start waits out that window, a long PGlite query on the main thread can starve
// the refresh and mark a live lock compromised, and it has no place for the owner's PID and URL.
// PostgreSQL (DATABASE_URL) needs none of this: it is a server and takes many processes.
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DataDirOwner {
  pid: number;
  /** What the owner runs, e.g. `psa-hub serve --role all`. */
  command: string;
  /** Where the owner's HTTP server listens, once it does. */
  url?: string;
  startedAt: string;
}

export interface DataDirClaim {
  /** Record where this process listens, for the message another process prints. */
  noteUrl(url: string): Promise<void>;
  release(): Promise<void>;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

export const lockFileName = 'psa-hub.lock';

/** Lock files this process holds: a second claim from the same process is refused too. */
const held = new Map<string, DataDirOwner>();

export async function claimDataDir(dir: string, command: string): Promise<DataDirClaim> {
  const file = path.join(dir, lockFileName);
  const mine: DataDirOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  const holder = held.get(file);
  if (holder) throw inUse(dir, file, holder);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await place(file, mine)) {
      held.set(file, mine);
      return claimOf(file, mine);
    }
    const text = await readIfThere(file);
    if (text === undefined) continue; // released meanwhile: try again
    const owner = parseOwner(text);
    // Our own PID in a lock we do not hold is a previous life of this PID (a restarted container).
    if (owner && owner.pid !== process.pid && isRunning(owner.pid)) throw inUse(dir, file, owner);
    await removeIfUnchanged(file, text);
  }
  throw new DataDirInUseError(`could not take ${file}: other processes keep claiming it`);
}

function claimOf(file: string, owner: DataDirOwner): DataDirClaim {
  return {
    async noteUrl(url) {
      owner.url = url;
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(owner) + '\n');
      await rename(tmp, file); // atomic replace: readers see the old or the new file, whole
    },
    async release() {
      if (!held.delete(file)) return;
      const current = parseOwner((await readIfThere(file)) ?? '');
      if (current?.pid === process.pid) await unlink(file).catch(() => {});
    },
  };
}

/** Write the lock whole beside it, then link it into place: fails (false) when one is there. */
async function place(file: string, owner: DataDirOwner): Promise<boolean> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(owner) + '\n');
  try {
    await link(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

/**
 * Remove a stale lock, but only the one judged stale: two processes may find it stale at once, and
 * the later one must not remove the lock the earlier one has placed since. Moving it aside is
 * atomic; when what was moved is not the stale lock, it goes back.
 */
async function removeIfUnchanged(file: string, staleText: string): Promise<void> {
  const aside = `${file}.${process.pid}.stale`;
  try {
    await rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if ((await readFile(aside, 'utf8')) !== staleText) await link(aside, file).catch(() => {});
  await unlink(aside);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // it exists, under another user
  }
}

async function readIfThere(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parseOwner(text: string): DataDirOwner | undefined {
  try {
    const v = JSON.parse(text) as Partial<DataDirOwner>;
    return Number.isInteger(v.pid) && (v.pid as number) > 0 ? (v as DataDirOwner) : undefined;
  } catch {
    return undefined;
  }
}

function inUse(dir: string, file: string, owner: DataDirOwner): DataDirInUseError {
  const where = owner.url ? `, ${owner.url}` : '';
  const who = owner.pid === process.pid ? 'this process' : `PID ${owner.pid}`;
  return new DataDirInUseError(
    `the embedded database in ${dir} is in use by ${owner.command} (${who}${where}): stop it first, ` +
      `or use PostgreSQL (DATABASE_URL) to run several processes (if no such process runs, remove ${file})`,
  );
}
