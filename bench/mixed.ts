import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CRASH_EMAIL, CRASH_PASSWORD, engineEnv, prepareEngine, type Engine } from "../src/server/ops/crash-harness.js";
import { spawnServer } from "../src/server/ops/test-server.js";
import { sampleProject } from "../src/domain/steering/test-support.js";
import { startPostgres } from "../tests/support/postgres-cluster.js";

/**
 * `npm run bench:mixed`: a mixed load on the real server for BENCH_SECONDS (180), printed, never asserted (issue 12).
 * Parents (PARENTS connections: places, calendar, articles, the home page when built) and the back office (one
 * connection creating and updating projects, one listing them), plus a 2 000-row grid import every minute. The
 * server's resident memory is sampled every 5 s from /proc: it must stay flat. Then p50/p99 per route.
 * BENCH_ENGINE=pglite (default) or postgresql.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 180);
const PARENTS = Number(process.env.BENCH_PARENTS ?? 10);
const ENGINE = process.env.BENCH_ENGINE ?? "pglite";
const GRID_ROWS = 2000;
/** The home page is asked only when the front end is built (`npm run build`). */
const built = existsSync(fileURLToPath(new URL("../dist/index.html", import.meta.url)));

const work = mkdtempSync(join(tmpdir(), "mille-jours-bench-mixed-"));
const cluster = ENGINE === "postgresql" ? startPostgres({ port: 55495 }) : null;
if (ENGINE === "postgresql" && !cluster) throw new Error("PostgreSQL n'est pas installé");
const engine: Engine = cluster
  ? { kind: "postgresql", databaseUrl: await cluster.createDatabase("bench_mixed") }
  : { kind: "pglite", dataDir: join(work, "data") };
const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
/** The memory probe (bench/memory-probe.mjs) loaded into the server: JS heap and external memory per thread. */
const probe = fileURLToPath(new URL("./memory-probe.mjs", import.meta.url));
const probeFile = join(work, "memory.jsonl");
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`;

console.log(
  `Banc « charge mixte » — ${new Date().toISOString()}, Node ${process.version}, ${ENGINE}, ${SECONDS} s, ${PARENTS} connexions parents + 2 pilotage + un import de grille de ${GRID_ROWS} lignes par minute ; charge de la machine ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")}`,
);
try {
  await prepareEngine(engine);
  const server = await spawnServer(
    { ...engineEnv(engine), NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${probe}`.trim(), MEMORY_PROBE_FILE: probeFile },
    { startLimitMs: 600_000 },
  );
  const pid = server.child.pid!;
  try {
    const login = await fetch(`${server.url}/api/v1/pilotage/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: CRASH_EMAIL, password: CRASH_PASSWORD }),
    });
    const headers = {
      cookie: login.headers.get("set-cookie")!.split(";")[0]!,
      "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken,
      "content-type": "application/json",
    };
    const samples = new Map<string, number[]>();
    const statuses = new Map<string, number>();
    const timed = async (route: string, url: string, init?: RequestInit) => {
      const t0 = performance.now();
      const res = await fetch(server.url + url, init);
      const body = await res.text();
      const list = samples.get(route) ?? [];
      list.push(performance.now() - t0);
      samples.set(route, list);
      const key = `${route} ${res.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      return { status: res.status, body };
    };
    const end = Date.now() + SECONDS * 1000;
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const parent = async () => {
      for (let i = 0; Date.now() < end; i++) {
        const lat = (43 + random() * 7).toFixed(4);
        const lon = (-1 + random() * 7).toFixed(4);
        if (i % 4 === 0) await timed("GET /api/v1/places", `/api/v1/places?lat=${lat}&lon=${lon}&radius_km=10&limit=20`);
        else if (i % 4 === 1) await timed("GET /api/v1/calendar", `/api/v1/calendar?terme=2027-0${1 + (i % 9)}-15&rang=1`);
        else if (i % 4 === 2) await timed("GET /api/v1/articles", "/api/v1/articles");
        else if (built) await timed("GET /", "/");
      }
    };
    const writer = async () => {
      for (let i = 0; Date.now() < end; i++) {
        const created = await timed("POST /api/v1/pilotage/projets", "/api/v1/pilotage/projets", {
          method: "POST",
          headers,
          body: JSON.stringify({ project: sampleProject({ title: `Charge mixte ${i}` }) }),
        });
        if (created.status !== 201) continue;
        const project = JSON.parse(created.body) as { id: string; version: number };
        await timed("PUT /api/v1/pilotage/projets/:id", `/api/v1/pilotage/projets/${project.id}`, {
          method: "PUT",
          headers,
          body: JSON.stringify({ version: project.version, project: sampleProject({ title: `Charge mixte ${i}`, status: "reconduit" }) }),
        });
      }
    };
    const reader = async () => {
      for (let i = 0; Date.now() < end; i++)
        await timed("GET /api/v1/pilotage/projets", `/api/v1/pilotage/projets?limit=50&offset=${(i * 50) % 2000}`, { headers });
    };
    const HEADER =
      "annee;code_region;identifiant;intitule;structure_porteuse;siret;departements;thematiques;ligne_financement;montant_ars_fir;montant_dreets_p304;date_debut;date_fin;statut;evaluation;resume_public";
    const importer = async () => {
      for (let round = 0; Date.now() < end; round++) {
        const grid = [
          HEADER,
          ...Array.from(
            { length: GRID_ROWS },
            (_, i) => `2023;84;;Import ${round} n° ${i + 1};Association exemple;;69;3, 6;ARS-FIR;40 000;;2023-09-01;;En cours;;Résumé public.`,
          ),
        ].join("\n");
        await timed("POST /api/v1/pilotage/projets/import", "/api/v1/pilotage/projets/import", {
          method: "POST",
          headers,
          body: JSON.stringify({ csv: grid }),
        });
        const next = Date.now() + 60_000;
        while (Date.now() < Math.min(next, end)) await new Promise((r) => setTimeout(r, 500));
      }
    };
    const memory: { at: number; rss: number }[] = [{ at: 0, rss: rss(pid) }];
    const t0 = Date.now();
    const sampler = setInterval(() => memory.push({ at: Math.round((Date.now() - t0) / 1000), rss: rss(pid) }), 5000);
    await Promise.all([...Array.from({ length: PARENTS }, parent), writer(), reader(), importer()]);
    clearInterval(sampler);
    memory.push({ at: Math.round((Date.now() - t0) / 1000), rss: rss(pid) });

    console.log("\nMémoire résidente du serveur (toutes les 5 s) :");
    for (let i = 0; i < memory.length; i += 6)
      console.log(
        `   ${memory
          .slice(i, i + 6)
          .map((m) => `${String(m.at).padStart(4)} s ${mb(m.rss).padStart(7)}`)
          .join(" │")}`,
      );
    const third = Math.max(1, Math.floor(memory.length / 3));
    const mean = (xs: { rss: number }[]) => xs.reduce((a, m) => a + m.rss, 0) / xs.length;
    /** Least-squares slope of the resident memory, in Mo per minute. */
    const slope = (xs: { at: number; rss: number }[]) => {
      const mx = xs.reduce((a, m) => a + m.at, 0) / xs.length;
      const my = mean(xs);
      const num = xs.reduce((a, m) => a + (m.at - mx) * (m.rss - my), 0);
      const den = xs.reduce((a, m) => a + (m.at - mx) ** 2, 0);
      return den === 0 ? 0 : ((num / den) * 60) / 1024 / 1024;
    };
    console.log(
      `   moyenne du premier tiers ${mb(mean(memory.slice(0, third)))}, du dernier tiers ${mb(mean(memory.slice(-third)))}, maximum ${mb(Math.max(...memory.map((m) => m.rss)))} ; ` +
        `pente ${slope(memory).toFixed(1)} Mo/min sur tout l'essai, ${slope(memory.slice(third)).toFixed(1)} Mo/min après le premier tiers (mise en route)`,
    );
    printMemorySplit();
    console.log("\nLatences par route :");
    for (const [route, values] of [...samples].sort()) {
      values.sort((a, b) => a - b);
      const at = (q: number) => Math.round(values[Math.min(values.length - 1, Math.floor(q * values.length))]!);
      console.log(
        `   ${route.padEnd(40)} ${String(values.length).padStart(6)} requêtes, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${Math.round(values.at(-1)!)} ms`,
      );
    }
    console.log(
      `\nStatuts : ${[...statuses]
        .sort()
        .map(([k, n]) => `${k} ×${n}`)
        .join(", ")}`,
    );
    console.log(
      `Charge de la machine à la fin : ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")}`,
    );
  } finally {
    await server.stop();
  }
} finally {
  cluster?.stop();
  if (process.env.BENCH_KEEP_MEMORY) copyFileSync(probeFile, process.env.BENCH_KEEP_MEMORY);
  rmSync(work, { recursive: true, force: true });
}

interface Usage {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** The probe's lines, one a minute: resident memory, then heap used / external per thread. */
function printMemorySplit(): void {
  if (!existsSync(probeFile)) return console.log("\n(sonde mémoire : aucune mesure)");
  const lines = readFileSync(probeFile, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { at: number; main: Usage; workers: Record<string, Usage> });
  console.log("\nMémoire par fil (sonde bench/memory-probe.mjs) : tas JS utilisé / mémoire externe (Buffer, WebAssembly)");
  for (const line of lines.filter((l, i) => i === 0 || i === lines.length - 1 || l.at % 60 < 5)) {
    const threads = [["principal", line.main] as const, ...Object.entries(line.workers)];
    console.log(
      `   ${String(line.at).padStart(4)} s résident ${mb(line.main.rss).padStart(7)} │ ` +
        threads.map(([name, u]) => `${name.replace(/\.js$/, "")} ${mb(u.heapUsed)} / ${mb(u.external)}`).join(" │ "),
    );
  }
}
