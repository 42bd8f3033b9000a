import { createServer, type Server } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../db/database.js";
import { withTimeout } from "./timeout.js";
import type { PlacesService } from "../places/index.js";

export interface MetricsOptions {
  db: Database;
  places?: PlacesService | undefined;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Prometheus metrics (prom-client). Labels never carry what a request said: the route is the
 * registered *pattern* (`/api/v1/places/:id`), never the URL, its query string, a date, an address or
 * an e-mail; pages and static files are grouped as `page` and `static`, unknown paths as `not_found`.
 * Figures kept in the database (imports, lock-outs) are read at scrape time, so every copy of the
 * server reports the same totals.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"method" | "route" | "status_code">;
  private readonly duration: Histogram<"method" | "route">;

  constructor({ db, places }: MetricsOptions) {
    const registry = this.registry;
    collectDefaultMetrics({ register: registry });
    this.requests = new Counter({
      name: "millejours_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status code.",
      labelNames: ["method", "route", "status_code"],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: "millejours_http_request_duration_seconds",
      help: "Time to answer HTTP requests, by method and route pattern.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    new Gauge({
      name: "millejours_places_index_places",
      help: "Places held in the in-memory index of this copy, by place type.",
      labelNames: ["type"],
      registers: [registry],
      collect() {
        this.reset();
        if (!places) return;
        for (const [type, count] of Object.entries(places.current.countByType)) this.set({ type }, count);
      },
    });
    // The database figures are read once per scrape (shared by the gauges below), with a time bound
    // so that a slow database does not hang the scrape.
    let snapshot: { at: number; read: Promise<DatabaseFigures | null> } | null = null;
    const figures = () => {
      if (!snapshot || performance.now() - snapshot.at > 1_000) snapshot = { at: performance.now(), read: readDatabaseFigures(db).catch(() => null) };
      return snapshot.read;
    };
    new Gauge({
      name: "millejours_metrics_database_up",
      help: "1 when the database answered the metrics queries of this scrape.",
      registers: [registry],
      async collect() {
        this.set((await figures()) ? 1 : 0);
      },
    });
    new Gauge({
      name: "millejours_import_runs",
      help: "Import runs recorded in the import log (all copies and command-line imports), by dataset and outcome.",
      labelNames: ["dataset", "status"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const r of (await figures())?.runs ?? []) this.set({ dataset: r.dataset, status: r.status }, r.runs);
      },
    });
    new Gauge({
      name: "millejours_import_last_finished_seconds",
      help: "Unix time of the last import run of each dataset and outcome.",
      labelNames: ["dataset", "status"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const r of (await figures())?.runs ?? []) this.set({ dataset: r.dataset, status: r.status }, Math.round(r.last));
      },
    });
    new Gauge({
      name: "millejours_steering_lockouts_active",
      help: "Back-office login keys locked now (shared by every copy), by kind: account or client address.",
      labelNames: ["kind"],
      registers: [registry],
      async collect() {
        this.reset();
        const read = await figures();
        if (read) for (const kind of ["account", "address"]) this.set({ kind }, read.throttle.find((t) => t.kind === kind)?.locked ?? 0);
      },
    });
    new Gauge({
      name: "millejours_steering_login_failures_window",
      help: "Failed back-office logins counted in the current lock-out windows, by kind.",
      labelNames: ["kind"],
      registers: [registry],
      async collect() {
        this.reset();
        const read = await figures();
        if (read) for (const kind of ["account", "address"]) this.set({ kind }, read.throttle.find((t) => t.kind === kind)?.failures ?? 0);
      },
    });
    if (db.poolState) {
      const poolState = db.poolState.bind(db);
      new Gauge({
        name: "millejours_db_pool_connections",
        help: "PostgreSQL connections of this copy's pool, by state (total, idle, waiting clients).",
        labelNames: ["state"],
        registers: [registry],
        collect() {
          const state = poolState();
          this.set({ state: "total" }, state.total);
          this.set({ state: "idle" }, state.idle);
          this.set({ state: "waiting" }, state.waiting);
        },
      });
    }
  }

  /** Counts every answer of the app by route pattern. */
  install(app: FastifyInstance): void {
    app.addHook("onResponse", async (request, reply) => {
      const method = METHODS.has(request.method) ? request.method : "other";
      const pattern = request.routeOptions.url;
      const route = pattern?.startsWith("/api/") ? pattern : pattern ? "static" : reply.statusCode === 404 ? "not_found" : "page";
      this.requests.inc({ method, route, status_code: String(reply.statusCode) });
      this.duration.observe({ method, route }, reply.elapsedTime / 1000);
    });
  }

  /**
   * Serves `GET /metrics` on its own port (METRICS_PORT), apart from the public one: the reverse
   * proxy does not forward it. With a token (METRICS_TOKEN), a scrape must send `Authorization: Bearer …`.
   */
  async listen(port: number, host: string, token: string | null): Promise<Server> {
    const expected = token ? Buffer.from(`Bearer ${token}`) : null;
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method !== "GET" || path !== "/metrics") {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Seul GET /metrics est servi ici.\n");
        return;
      }
      const given = Buffer.from(req.headers.authorization ?? "");
      if (expected && (given.length !== expected.length || !timingSafeEqual(given, expected))) {
        res.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" }).end("Jeton METRICS_TOKEN attendu.\n");
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": this.registry.contentType, "cache-control": "no-store" }).end(text),
        () => res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Métriques indisponibles.\n"),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    return server;
  }
}

interface DatabaseFigures {
  runs: { dataset: string; status: string; runs: number; last: number }[];
  throttle: { kind: string; locked: number; failures: number }[];
}

/** Import log and login throttling as stored in the database: the same totals on every copy. */
async function readDatabaseFigures(db: Database): Promise<DatabaseFigures> {
  const [runs, throttle] = await withTimeout(
    Promise.all([
      db.query<DatabaseFigures["runs"][number]>(
        "SELECT dataset, status, count(*)::int AS runs, extract(epoch FROM max(finished_at))::float8 AS last FROM import_run GROUP BY dataset, status",
      ),
      // Keys are 'compte:<e-mail>' and 'ip:<hash>': only their kind leaves the database.
      db.query<DatabaseFigures["throttle"][number]>(
        `SELECT CASE WHEN key LIKE 'compte:%' THEN 'account' WHEN key LIKE 'ip:%' THEN 'address' ELSE 'other' END AS kind,
                count(*) FILTER (WHERE locked_until > now())::int AS locked, coalesce(sum(failures), 0)::int AS failures
           FROM steering_login_throttle GROUP BY 1`,
      ),
    ]),
    2_000,
  );
  return { runs, throttle };
}
