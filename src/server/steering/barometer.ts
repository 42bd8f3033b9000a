import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  INDICATOR_LABELS,
  INDICATORS,
  MAX_YEAR,
  MIN_OBSERVATION_YEAR,
  NATIONAL_TARGETS,
  gapsToTarget,
  nationalSeries,
  parseBarometerCsv,
  parseDepartmentTargetsCsv,
  regionalAggregates,
  type DepartmentTarget,
  type Indicator,
  type Observation,
} from "../../domain/steering/barometer.js";
import { DEPARTEMENTS } from "../../domain/steering/territories.js";
import type { Queryable } from "../db/database.js";
import { writeAudit } from "./audit.js";
import { guard, sessionOf } from "./auth.js";
import { sendFileReport, type SteeringContext } from "./context.js";
import { shippedBirths } from "./allocation.js";

/**
 * The EPP/EPNP barometer: values and departmental targets loaded from CSV by a national administrator,
 * a dashboard for every account and the same data on a public page. No figure is invented: with nothing
 * loaded the API says so. The only made-up set is the one `npm run demo:barometre` writes, flagged
 * `fictitious` in the database, and every answer that uses it says `fictitious: true`.
 */

export const NO_DATA_MESSAGE =
  "Aucune valeur EPP ou EPNP n'est chargée : le baromètre s'affichera quand l'administration nationale aura importé un fichier de sa source (format documenté).";

export const DEMO_SOURCE =
  "DONNÉES FICTIVES de démonstration, générées par « npm run demo:barometre » : elles ne décrivent aucun territoire réel.";

interface DatasetRow {
  id: string;
  kind: "valeurs" | "objectifs";
  source: string;
  fictitious: boolean;
  rows: number;
  loadedAt: string | Date;
  loadedBy: string;
}

/** Every barometer value, departmental target and source dataset (also read by the call-back accounts, for their département). */
export async function readAll(db: Queryable) {
  const [observations, targets, datasets] = await Promise.all([
    db.query<Observation & { datasetId: string }>(
      `SELECT indicator, departement, year, numerator, denominator, dataset_id::text AS "datasetId" FROM steering_barometer_value ORDER BY indicator, departement, year`,
    ),
    db.query<DepartmentTarget & { percent: string | number }>(`SELECT indicator, departement, year, percent FROM steering_barometer_target`),
    db.query<DatasetRow>(
      `SELECT id::text AS id, kind, source, fictitious, rows, loaded_at AS "loadedAt", loaded_by AS "loadedBy" FROM steering_barometer_dataset d
       WHERE EXISTS (SELECT 1 FROM steering_barometer_value v WHERE v.dataset_id = d.id) OR EXISTS (SELECT 1 FROM steering_barometer_target t WHERE t.dataset_id = d.id)
       ORDER BY id`,
    ),
  ]);
  return { observations, targets: targets.map((t) => ({ ...t, percent: Number(t.percent) })), datasets };
}

export async function barometerDashboard(db: Queryable, query: { indicator: Indicator; year?: number | undefined }, options: { public: boolean }) {
  const { observations, targets, datasets } = await readAll(db);
  const sources = datasets.map((d) => ({
    kind: d.kind,
    source: d.source,
    fictitious: d.fictitious,
    rows: d.rows,
    loadedAt: new Date(d.loadedAt).toISOString(),
    ...(options.public ? {} : { loadedBy: d.loadedBy }),
  }));
  const base = {
    indicator: query.indicator,
    indicatorLabel: INDICATOR_LABELS[query.indicator],
    nationalTargets: NATIONAL_TARGETS.filter((t) => t.indicator === query.indicator),
    sources,
    fictitious: datasets.some((d) => d.fictitious),
  };
  const own = observations.filter((o) => o.indicator === query.indicator);
  if (observations.length === 0) return { ...base, loaded: false, message: NO_DATA_MESSAGE, years: [], year: null, national: [], departements: [], regions: [] };
  const years = [...new Set(own.map((o) => o.year))].sort((a, b) => a - b);
  const year = query.year !== undefined && years.includes(query.year) ? query.year : (years.at(-1) ?? null);
  return {
    ...base,
    loaded: true,
    message: own.length === 0 ? `Aucune valeur ${query.indicator.toUpperCase()} n'est chargée.` : null,
    years,
    year,
    national: nationalSeries(own, query.indicator),
    departements: year === null ? [] : gapsToTarget(own, query.indicator, year, targets),
    regions: year === null ? [] : regionalAggregates(own, query.indicator, year),
  };
}

async function removeOrphanDatasets(tx: Queryable) {
  await tx.query(
    `DELETE FROM steering_barometer_dataset d WHERE NOT EXISTS (SELECT 1 FROM steering_barometer_value v WHERE v.dataset_id = d.id)
       AND NOT EXISTS (SELECT 1 FROM steering_barometer_target t WHERE t.dataset_id = d.id)`,
  );
}

/** Stores values in one statement per file (arrays unnested), replacing the same (indicator, département, year). */
export async function storeObservations(tx: Queryable, observations: readonly Observation[], meta: { source: string; fictitious: boolean; loadedBy: string; now: Date }) {
  // Real data never mixes with the demo set: loading a real file removes it.
  if (!meta.fictitious) await tx.query("DELETE FROM steering_barometer_dataset WHERE fictitious");
  const [dataset] = await tx.query<{ id: string }>(
    "INSERT INTO steering_barometer_dataset (kind, source, fictitious, rows, loaded_at, loaded_by) VALUES ('valeurs', $1, $2, $3, $4, $5) RETURNING id::text AS id",
    [meta.source, meta.fictitious, observations.length, meta.now.toISOString(), meta.loadedBy],
  );
  await tx.query(
    `INSERT INTO steering_barometer_value (indicator, departement, year, numerator, denominator, dataset_id)
     SELECT i, d, y, n, m, $6::bigint FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[]) AS u(i, d, y, n, m)
     ON CONFLICT (indicator, departement, year) DO UPDATE SET numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, dataset_id = EXCLUDED.dataset_id`,
    [
      observations.map((o) => o.indicator),
      observations.map((o) => o.departement),
      observations.map((o) => o.year),
      observations.map((o) => o.numerator),
      observations.map((o) => o.denominator),
      dataset!.id,
    ],
  );
  await removeOrphanDatasets(tx);
  return dataset!.id;
}

/** Fictitious values for a demonstration, by a seeded generator (the same set each time). */
export function demoObservations(currentYear: number): Observation[] {
  let seed = 20231;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const births = shippedBirths().byDepartement ?? {};
  const out: Observation[] = [];
  const years = [currentYear - 4, currentYear - 3, currentYear - 2, currentYear - 1].filter((y) => y >= 2020);
  for (const dep of DEPARTEMENTS) {
    const denominatorBase = Math.max(500, births[dep.code] ?? 2000);
    const eppStart = 0.5 + random() * 0.3;
    const epnpStart = 0.03 + random() * 0.12;
    years.forEach((year, i) => {
      const denominator = Math.round(denominatorBase * (0.97 + random() * 0.06));
      const epp = Math.min(0.97, eppStart + i * (0.02 + random() * 0.03));
      const epnp = Math.min(0.9, epnpStart + i * (0.04 + random() * 0.06));
      out.push({ indicator: "epp", departement: dep.code, year, denominator, numerator: Math.round(denominator * epp) });
      out.push({ indicator: "epnp", departement: dep.code, year, denominator, numerator: Math.round(denominator * epnp) });
    });
  }
  return out;
}

export class RealDataPresentError extends Error {}

export async function loadDemoBarometer(tx: Queryable, now: Date): Promise<number> {
  const [real] = await tx.query("SELECT 1 FROM steering_barometer_dataset WHERE NOT fictitious LIMIT 1");
  if (real) throw new RealDataPresentError("Des valeurs réelles sont chargées : le jeu fictif n'est pas ajouté (les deux ne se mélangent pas).");
  await tx.query("DELETE FROM steering_barometer_dataset WHERE fictitious");
  const observations = demoObservations(now.getUTCFullYear());
  await storeObservations(tx, observations, { source: DEMO_SOURCE, fictitious: true, loadedBy: "npm run demo:barometre", now });
  return observations.length;
}

/** Removes the demo set; returns the number of values removed. */
export async function removeDemoBarometer(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM steering_barometer_value v JOIN steering_barometer_dataset d ON d.id = v.dataset_id WHERE d.fictitious",
  );
  await tx.query("DELETE FROM steering_barometer_dataset WHERE fictitious");
  return row?.n ?? 0;
}

export function barometerRoutes(ctx: SteeringContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : baromètre EPP/EPNP"];
    const query = z.strictObject({ indicator: z.enum(INDICATORS).default("epp"), year: z.coerce.number().int().min(MIN_OBSERVATION_YEAR).max(MAX_YEAR).optional() });
    const national = guard(ctx, ["national"]);

    app.get(
      "/pilotage/barometre",
      { schema: { summary: "Tableau de bord du baromètre (tous les comptes)", tags, querystring: query }, onRequest: guard(ctx) },
      async (request, reply) => {
        reply.header("cache-control", "no-store");
        return barometerDashboard(ctx.db, request.query, { public: false });
      },
    );

    app.get(
      "/barometre",
      { schema: { summary: "Baromètre EPP/EPNP public, en lecture seule : tendance nationale, écarts aux objectifs par département", tags: ["baromètre public"], querystring: query } },
      async (request, reply) => {
        reply.header("cache-control", "public, max-age=300");
        return barometerDashboard(ctx.db, request.query, { public: true });
      },
    );

    const importBody = z.strictObject({ csv: z.string().max(5_000_000), source: z.string().max(500).optional() });

    app.post(
      "/pilotage/barometre/valeurs",
      { schema: { summary: "Importer des valeurs EPP/EPNP (CSV) : tout ou rien, rapport ligne par ligne", tags, body: importBody }, bodyLimit: 6 * 1024 * 1024, onRequest: national },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const now = ctx.now();
        const parsed = parseBarometerCsv(request.body.csv, { currentYear: now.getUTCFullYear(), ...(request.body.source ? { source: request.body.source } : {}) });
        if (!parsed.ok) return sendFileReport(reply, parsed.errors);
        const { source, observations } = parsed.data;
        await ctx.db.transaction(async (tx) => {
          await storeObservations(tx, observations, { source, fictitious: false, loadedBy: account.email, now });
          await writeAudit(tx, { at: now, actor: account, action: "barometre.valeurs", after: { source, rows: observations.length } });
        });
        return reply.status(201).send({ ok: true, source, rows: observations.length, warnings: parsed.warnings });
      },
    );

    app.post(
      "/pilotage/barometre/objectifs",
      {
        schema: { summary: "Importer des objectifs départementaux (CSV) : tout ou rien", tags, body: z.strictObject({ csv: z.string().max(5_000_000) }) },
        bodyLimit: 6 * 1024 * 1024,
        onRequest: national,
      },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const parsed = parseDepartmentTargetsCsv(request.body.csv);
        if (!parsed.ok) return sendFileReport(reply, parsed.errors);
        const now = ctx.now();
        const { targets } = parsed;
        await ctx.db.transaction(async (tx) => {
          const [dataset] = await tx.query<{ id: string }>(
            "INSERT INTO steering_barometer_dataset (kind, source, fictitious, rows, loaded_at, loaded_by) VALUES ('objectifs', $1, false, $2, $3, $4) RETURNING id::text AS id",
            ["Objectifs départementaux chargés par l'administration nationale", targets.length, now.toISOString(), account.email],
          );
          await tx.query(
            `INSERT INTO steering_barometer_target (indicator, departement, year, percent, dataset_id)
             SELECT i, d, y, p, $5::bigint FROM unnest($1::text[], $2::text[], $3::int[], $4::numeric[]) AS u(i, d, y, p)
             ON CONFLICT (indicator, departement, year) DO UPDATE SET percent = EXCLUDED.percent, dataset_id = EXCLUDED.dataset_id`,
            [targets.map((t) => t.indicator), targets.map((t) => t.departement), targets.map((t) => t.year), targets.map((t) => t.percent), dataset!.id],
          );
          await removeOrphanDatasets(tx);
          await writeAudit(tx, { at: now, actor: account, action: "barometre.objectifs", after: { rows: targets.length } });
        });
        return reply.status(201).send({ ok: true, rows: targets.length, warnings: parsed.warnings });
      },
    );
  };
}
