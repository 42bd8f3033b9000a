import { fileURLToPath } from "node:url";
import { buildApp } from "../src/server/app.js";
import { loadContent } from "../src/server/content/load-content.js";
import { syncContent } from "../src/server/content/content-store.js";
import { loadEpdsQuestionnaires } from "../src/server/content/load-epds.js";
import { openDatabase, openPglite, type Database } from "../src/server/db/database.js";
import { migrate } from "../src/server/db/migrate.js";
import { answerProblem, makeGenerator, type OpenApi } from "../src/server/openapi-fuzz.js";
import { loadPlaceIndex } from "../src/server/places/index.js";
import { checkNewAccount } from "../src/domain/steering/accounts.js";
import { addAccount } from "../src/server/steering/accounts/service.js";
import { startPostgres } from "../tests/support/postgres-cluster.js";

/**
 * `npm run bench:fuzz [-- N]`: N requests (default 10 000) generated from the OpenAPI description of every
 * route (src/server/openapi-fuzz.ts), anonymous and with a national session, on PGlite and PostgreSQL.
 * Prints the answers by status, the 5xx and non-French errors found (expected: none), and the pace.
 */
const total = Number(process.argv[2] ?? 10_000);
const contentDir = fileURLToPath(new URL("../content", import.meta.url));
const PASSWORD = "mot de passe du banc d'essai 2026";

async function run(label: string, db: Database): Promise<void> {
  await migrate(db);
  await syncContent(db, await loadContent(contentDir));
  const checked = checkNewAccount({ email: "national@sante.gouv.fr", displayName: "Nationale", role: "national", password: PASSWORD });
  if (!checked.ok) throw new Error("compte de test invalide");
  await addAccount(db, checked.account, new Date(), { N: 1024, r: 8, p: 1 });
  const app = await buildApp({
    db,
    logger: false,
    places: await loadPlaceIndex(db),
    epds: await loadEpdsQuestionnaires(contentDir),
    steering: { scrypt: { N: 1024, r: 8, p: 1 } },
  });
  const login = await app.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email: "national@sante.gouv.fr", password: PASSWORD } });
  const session = { cookie: String(login.headers["set-cookie"]).split(";")[0]!, "x-csrf-token": login.json().csrfToken as string };
  const spec = (await app.inject({ url: "/api/v1/openapi.json" })).json() as OpenApi;
  const next = makeGenerator(spec, 12, { session });
  const byStatus = new Map<number, number>();
  const routes = new Set<string>();
  const failures: string[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const request = next();
    routes.add(request.route);
    const res = await app.inject({
      method: request.method as "GET",
      url: request.url,
      headers: request.headers,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    });
    byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
    const problem = answerProblem(res);
    if (problem) failures.push(`${request.method} ${request.url.slice(0, 120)} → ${problem}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${label} : ${total} requêtes sur ${routes.size} routes en ${seconds.toFixed(1)} s (${Math.round(total / seconds)} req/s)`);
  console.log(
    `  statuts : ${[...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(", ")}`,
  );
  console.log(`  5xx ou erreurs hors problem+json français : ${failures.length}`);
  for (const failure of failures.slice(0, 20)) console.log(`  - ${failure}`);
  await app.close();
  await db.close();
}

await run("PGlite", await openPglite(null));
const cluster = startPostgres();
if (!cluster) console.log("\nPostgreSQL : non installé, non mesuré");
else
  try {
    await run("PostgreSQL", await openDatabase({ databaseUrl: await cluster.createDatabase("bench_fuzz") }));
  } finally {
    cluster.stop();
  }
