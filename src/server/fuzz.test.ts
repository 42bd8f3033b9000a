import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { loadContent } from "./content/load-content.js";
import { syncContent } from "./content/content-store.js";
import { loadEpdsQuestionnaires } from "./content/load-epds.js";
import type { Database } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { testDatabases } from "./db/test-databases.js";
import { answerProblem, makeGenerator, type OpenApi } from "./openapi-fuzz.js";
import { loadPlaceIndex } from "./places/index.js";
import { createTestAccount, TEST_SCRYPT } from "./steering/test-support.js";

const contentDir = fileURLToPath(new URL("../../content", import.meta.url));
const REQUESTS = 400;

/**
 * Every route of the OpenAPI description, fuzzed from its own schemas (path, query, body), anonymously and
 * with a national session: no answer may be a 5xx, and every error must be French problem+json (issue 12).
 * `npm run bench:fuzz` sends many more and prints the figures.
 */
describe.each(testDatabases)("fuzzed API on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let session: Record<string, string>;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    await syncContent(db, await loadContent(contentDir));
    await createTestAccount(db, { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" });
    app = await buildApp({
      db,
      logger: false,
      places: await loadPlaceIndex(db),
      epds: await loadEpdsQuestionnaires(contentDir),
      steering: { scrypt: TEST_SCRYPT },
    });
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/session",
      payload: { email: "national@sante.gouv.fr", password: "mot de passe de test 2026" },
    });
    session = { cookie: String(login.headers["set-cookie"]).split(";")[0]!, "x-csrf-token": login.json().csrfToken };
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it(`answers ${REQUESTS} generated requests without a 5xx, errors in French problem+json`, async () => {
    const spec = (await app.inject({ url: "/api/v1/openapi.json" })).json() as OpenApi;
    const routes = Object.values(spec.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(routes).toBeGreaterThan(30);
    const next = makeGenerator(spec, 20261202, { session });
    const failures: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < REQUESTS; i++) {
      const request = next();
      seen.add(request.route);
      const res = await app.inject({
        method: request.method as "GET",
        url: request.url,
        headers: request.headers,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      });
      const problem = answerProblem(res);
      if (problem) failures.push(`#${i} ${request.method} ${request.url.slice(0, 160)} → ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(seen.size).toBeGreaterThan(routes * 0.8);
  }, 300_000);
});
