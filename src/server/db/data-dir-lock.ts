import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/**
 * One process at a time per PGlite data folder. PGlite is a single-process engine: a second process opening
 * the same folder (an import while the server runs) corrupted it beyond repair (issue 12). Whoever opens the
 * folder first creates `<folder>.lock` (O_EXCL: atomic, only one creator wins) holding its pid; any other
 * process is refused with a French message naming the holder. A lock left by a process that no longer exists
 * (kill -9, power cut) is detected by its pid and replaced. Within one process the lock is shared (counted),
 * so the server's worker thread and the code that opened it need no coordination.
 */

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `le processus ${holder.pid} (« ${holder.command} », depuis ${holder.since}${holder.host !== hostname() ? `, sur la machine ${holder.host}` : ""})`
      : "un autre processus";
    super(
      `Le dossier de données « ${dirname(lockPath)} » est déjà ouvert par ${who}. ` +
        "Avec la base embarquée (PGlite), un seul processus à la fois peut l'ouvrir : arrêtez ce processus (par exemple le serveur) avant de lancer cette commande, " +
        `ou utilisez PostgreSQL (DATABASE_URL). Si ce processus n'existe plus, supprimez le fichier « ${lockPath} ».`,
    );
    this.name = "DataDirLockedError";
  }
}

const held = new Map<string, { count: number; releaseOnExit: () => void }>();

/** The lock file of a PGlite folder: beside it, in the data folder (DATA_DIR/pglite → DATA_DIR/pglite.lock). */
export function lockPathFor(pgliteDir: string): string {
  return join(dirname(pgliteDir), `${basename(pgliteDir)}.lock`);
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    return typeof parsed.pid === "number"
      ? { pid: parsed.pid, host: String(parsed.host ?? ""), command: String(parsed.command ?? "?"), since: String(parsed.since ?? "?") }
      : null;
  } catch {
    return null;
  }
}

/** Whether a process of this machine still runs (signal 0 only checks; EPERM: it runs under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Creates the lock file or throws; true when created. */
function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: process.argv
      .slice(1)
      .map((arg) => basename(arg))
      .join(" ")
      .slice(0, 200),
    since: new Date().toISOString(),
  };
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the lock of a PGlite folder for this process; returns its release. Throws DataDirLockedError when a
 * live process (or one on another machine, which cannot be checked) holds it.
 */
export function acquireDataDirLock(pgliteDir: string): () => void {
  const path = lockPathFor(pgliteDir);
  const mine = held.get(path);
  if (mine) {
    mine.count += 1;
    return once(() => release(path));
  }
  for (let attempt = 0; !tryCreate(path); attempt++) {
    const holder = readHolder(path);
    // A holder still writing its file (empty for an instant) counts as alive; so does another machine's.
    const stale = holder !== null && holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid);
    if (!stale || attempt >= 2) throw new DataDirLockedError(path, holder);
    // Move the stale file aside under a unique name (atomic): of two processes breaking it, one wins.
    try {
      renameSync(path, `${path}.${process.pid}.stale`);
      unlinkSync(`${path}.${process.pid}.stale`);
    } catch {
      /* someone else broke it first: try again */
    }
  }
  const releaseOnExit = () => removeIfMine(path);
  process.on("exit", releaseOnExit);
  held.set(path, { count: 1, releaseOnExit });
  return once(() => release(path));
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

function release(path: string): void {
  const mine = held.get(path);
  if (!mine) return;
  mine.count -= 1;
  if (mine.count > 0) return;
  held.delete(path);
  process.off("exit", mine.releaseOnExit);
  removeIfMine(path);
}

function removeIfMine(path: string): void {
  if (readHolder(path)?.pid !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

/** For commands: a locked folder ends the process with the French message (no stack trace); other errors go on. */
export function exitIfLocked(error: unknown): never {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
