import type { DepartmentTarget, Observation } from "../../../domain/steering/barometer.js";
import type { Queryable } from "../../db/database.js";

/**
 * The barometer's tables: values (`steering_barometer_value`), departmental targets (`…_target`) and the
 * datasets they came from (`…_dataset`, flagged `fictitious` for the demo set). A dataset none of whose rows
 * is left is removed. The rules (what is shown, what may be loaded) are in ./service.ts and the domain.
 */

export interface DatasetRow {
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

export async function removeOrphanDatasets(tx: Queryable) {
  await tx.query(
    `DELETE FROM steering_barometer_dataset d WHERE NOT EXISTS (SELECT 1 FROM steering_barometer_value v WHERE v.dataset_id = d.id)
       AND NOT EXISTS (SELECT 1 FROM steering_barometer_target t WHERE t.dataset_id = d.id)`,
  );
}

/** Stores values in one statement per file (arrays unnested), replacing the same (indicator, département, year). */
export async function storeObservations(
  tx: Queryable,
  observations: readonly Observation[],
  meta: { source: string; fictitious: boolean; loadedBy: string; now: Date },
) {
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

/** Stores departmental targets in one statement, replacing the same (indicator, département, year). */
export async function storeTargets(tx: Queryable, targets: readonly DepartmentTarget[], meta: { loadedBy: string; now: Date }) {
  const [dataset] = await tx.query<{ id: string }>(
    "INSERT INTO steering_barometer_dataset (kind, source, fictitious, rows, loaded_at, loaded_by) VALUES ('objectifs', $1, false, $2, $3, $4) RETURNING id::text AS id",
    ["Objectifs départementaux chargés par l'administration nationale", targets.length, meta.now.toISOString(), meta.loadedBy],
  );
  await tx.query(
    `INSERT INTO steering_barometer_target (indicator, departement, year, percent, dataset_id)
     SELECT i, d, y, p, $5::bigint FROM unnest($1::text[], $2::text[], $3::int[], $4::numeric[]) AS u(i, d, y, p)
     ON CONFLICT (indicator, departement, year) DO UPDATE SET percent = EXCLUDED.percent, dataset_id = EXCLUDED.dataset_id`,
    [targets.map((t) => t.indicator), targets.map((t) => t.departement), targets.map((t) => t.year), targets.map((t) => t.percent), dataset!.id],
  );
  await removeOrphanDatasets(tx);
  return dataset!.id;
}

/** Whether any real (not fictitious) dataset is loaded. */
export async function realDataLoaded(q: Queryable): Promise<boolean> {
  const rows = await q.query("SELECT 1 FROM steering_barometer_dataset WHERE NOT fictitious LIMIT 1");
  return rows.length > 0;
}

/** Removes the fictitious datasets and their values; returns the number of values removed. */
export async function removeFictitious(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM steering_barometer_value v JOIN steering_barometer_dataset d ON d.id = v.dataset_id WHERE d.fictitious",
  );
  await tx.query("DELETE FROM steering_barometer_dataset WHERE fictitious");
  return row?.n ?? 0;
}
