import { request } from "node:http";
import { connect } from "node:net";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createPostgresDatabase, spawnServer, until, type SpawnedServer } from "./test-server.js";

/**
 * Graceful stop of the real server process: requests already received when SIGTERM arrives finish
 * normally, the port closes, the database is closed, the exit code is 0.
 */
const body = JSON.stringify({ reponses: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });

interface SlowPost {
  finish(): void;
  done: Promise<{ status: number; text: string; connection: string | undefined }>;
}

/** A POST whose body is sent in two parts: the server has started it and waits for the rest. */
function slowPost(port: number): SlowPost {
  let finish = () => {};
  const done = new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/epds/score",
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, 10));
    finish = () => req.end(body.slice(10));
  });
  return { finish: () => finish(), done };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

const started = (server: SpawnedServer, path: string) =>
  server.logs.filter((l) => l.msg === "incoming request" && (l.req as { path?: string } | undefined)?.path === path).length;

/** The PostgreSQL tests share one database (the stop does not depend on its content; seeding it once saves minutes). */
let databaseUrl = "";
beforeAll(async () => {
  databaseUrl = await createPostgresDatabase(inject("postgresUrl"));
});

let server: SpawnedServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

// The order matters: the first test seeds the shared PostgreSQL database.
describe("SIGTERM", () => {
  it.each([
    ["PostgreSQL", () => ({ DATABASE_URL: databaseUrl })],
    ["PGlite", () => ({})],
  ])(
    "%s: finishes the 300 requests in flight, closes the port and the database, exits with 0",
    async (_engine, env) => {
      server = await spawnServer(env());
      const inFlight = Array.from({ length: 300 }, () => slowPost(server!.port));
      // 300 connections opened at once: on a loaded 2-core machine the last are accepted tens of seconds later.
      await until(() => started(server!, "/api/v1/epds/score") === 300, "the server has received the 300 requests", 180_000);

      server.child.kill("SIGTERM");
      await until(() => refusesConnections(server!.port), "the port is closed");
      expect(server.child.exitCode).toBeNull(); // still finishing the requests in flight

      for (const post of inFlight) post.finish();
      const answers = await Promise.all(inFlight.map((p) => p.done));
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      expect(answers.every((a) => typeof JSON.parse(a.text).total === "number")).toBe(true);
      expect(await server.exited).toBe(0);
      const messages = server.logs.map((l) => l.msg);
      expect(messages).toContain("plus aucune requête en cours");
      expect(messages.indexOf("base de données fermée, arrêt")).toBeGreaterThan(messages.indexOf("plus aucune requête en cours"));
    },
    300_000,
  );

  it("during the drain delay: not ready (503 problem+json), still serving with Connection: close; a second signal ends the delay", async () => {
    server = await spawnServer({ DATABASE_URL: databaseUrl, SHUTDOWN_DELAY_MS: "600000" });
    expect((await fetch(`${server.url}/api/v1/health/ready`)).status).toBe(200);
    server.child.kill("SIGTERM");
    await until(async () => (await fetch(`${server!.url}/api/v1/health/ready`)).status === 503, "readiness says 503");
    const ready = await fetch(`${server.url}/api/v1/health/ready`);
    expect(ready.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await ready.json()).detail).toContain("arrêt en cours");
    const live = await fetch(`${server.url}/api/v1/health`);
    expect(live.status).toBe(200);
    expect(live.headers.get("connection")).toBe("close");
    const post = slowPost(server.port);
    await until(() => started(server!, "/api/v1/epds/score") === 1, "the request has started");
    server.child.kill("SIGTERM");
    await until(() => refusesConnections(server!.port), "the port is closed");
    post.finish();
    expect((await post.done).status).toBe(200);
    expect(await server.exited).toBe(0);
  }, 300_000);

  it("bounds the wait: a request still unfinished at SHUTDOWN_TIMEOUT_MS is cut and the exit code is 1", async () => {
    server = await spawnServer({ DATABASE_URL: databaseUrl, SHUTDOWN_TIMEOUT_MS: "300" });
    const post = slowPost(server.port);
    const outcome = post.done.then(
      () => "answered",
      (error: NodeJS.ErrnoException) => error.code,
    );
    await until(() => started(server!, "/api/v1/epds/score") === 1, "the request has started");
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(1);
    expect(await outcome).toBe("ECONNRESET");
    expect(server.logs.map((l) => l.msg)).toContain("base de données fermée, arrêt");
  }, 300_000);
});
