import { afterEach, describe, expect, it, vi } from "vitest";
import { migrate } from "../db/migrate.js";
import { startRetentionJob } from "./index.js";
import { testDatabases } from "./test-support.js";

/** The server's retention job: runs at start, then every interval, with the injected clock; stops on shutdown. */
describe.each(testDatabases)("retention job on %s", (_kind, open) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("deletes what is due at each run, only that, and no more once stopped", async () => {
    const db = await open();
    await migrate(db);
    let clock = new Date("2026-12-02T09:00:00Z");
    const insert = (id: string, deleteAt: Date) =>
      db.query(
        "INSERT INTO callback_request (id, departement, status, key_id, payload, cancel_token_hash, created_at, delete_at) VALUES ($1, '69', 'new', 'k', 'v1.a.b.c', 'h', $2, $3)",
        [id, "2026-11-01T00:00:00Z", deleteAt.toISOString()],
      );
    const ids = async () => (await db.query<{ id: string }>("SELECT id::text AS id FROM callback_request ORDER BY id")).map((r) => r.id);
    const due = "00000000-0000-4000-8000-000000000001";
    const later = "00000000-0000-4000-8000-000000000002";
    const afterStop = "00000000-0000-4000-8000-000000000003";
    await insert(due, new Date(clock.getTime() - 1));
    await insert(later, new Date(clock.getTime() + 3_600_000));
    await db.query("INSERT INTO callback_rate (key, hits, window_end) VALUES ('ip:x', 1, $1)", [new Date(clock.getTime() - 1).toISOString()]);

    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startRetentionJob(db, { intervalMs: 600_000, now: () => clock, log });
    await vi.waitFor(async () => expect(await ids()).toEqual([later]));
    expect(await db.query("SELECT 1 FROM callback_rate")).toHaveLength(0);
    expect(log.info).toHaveBeenCalledWith({ deleted: 1 }, "demandes de rappel échues supprimées");

    clock = new Date(clock.getTime() + 2 * 3_600_000);
    expect(await ids()).toEqual([later]); // nothing runs between two ticks
    vi.advanceTimersByTime(600_000);
    await vi.waitFor(async () => expect(await ids()).toEqual([]));

    await stop();
    await insert(afterStop, new Date(clock.getTime() - 1));
    vi.advanceTimersByTime(10 * 600_000);
    expect(await ids()).toEqual([afterStop]);
    expect(log.error).not.toHaveBeenCalled();
    await db.close();
  });
});
