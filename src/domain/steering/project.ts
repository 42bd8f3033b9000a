import { z } from "zod";
import { compareDates, isValidIsoDate } from "../dates.js";
import { findDepartement, findRegion } from "./territories.js";
import { THEME_IDS, type ThemeId } from "./themes.js";
import { EVALUATION_OUTCOMES, FUNDING_LINES, PROJECT_STATUSES } from "./project-values.js";

/**
 * A local 1000-days project funded by an ARS (FIR, volet santé) and/or a DREETS (programme 304, volet
 * social), as registered by the steering side (instruction SGMCAS/2023/110 §3: continuity of the projects
 * supported since 2021, their evaluation and renewal; the list of supported projects is sent before
 * 30 November). The schema checks what a person typed or a grid line holds, with French messages.
 */

// The values of a project's fields, apart from the schemas (the barometer's labels import them: issue 19).
export {
  EVALUATION_LABELS,
  EVALUATION_OUTCOMES,
  FUNDING_LINE_LABELS,
  FUNDING_LINES,
  PROJECT_STATUSES,
  STATUS_LABELS,
  type EvaluationOutcome,
  type FundingLine,
  type ProjectStatus,
} from "./project-values.js";

/** First year of the regional calls for projects (instruction SGMCAS/2021/74 du 1er avril 2021). */
export const FIRST_FUNDING_YEAR = 2021;
export const LAST_FUNDING_YEAR = 2100;

/** The funding years a person may pick: from the first calls for projects to next year (a call is prepared a year ahead). */
export function fundingYears(today: Date): number[] {
  const last = Math.min(today.getFullYear() + 1, LAST_FUNDING_YEAR);
  return Array.from({ length: Math.max(0, last - FIRST_FUNDING_YEAR + 1) }, (_, i) => FIRST_FUNDING_YEAR + i);
}
/** Sanity bound on one yearly amount of one funder for one project. */
export const MAX_YEARLY_AMOUNT = 100_000_000;

/**
 * SIRET check: 14 digits whose Luhn sum is a multiple of 10. Exception documented by INSEE: the
 * establishments of La Poste (SIREN 356 000 000) have SIRETs whose digit sum is a multiple of 5.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith("000000000")) return false; // no SIREN is all zeros
  if (siret.startsWith("356000000")) {
    const digitSum = [...siret].reduce((s, d) => s + Number(d), 0);
    if (digitSum % 5 === 0) return true;
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// C0 control characters (and DEL) have no place in a name; a summary may hold line breaks and tabs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function line(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} : texte attendu.` })
    .trim()
    .min(min, { error: (issue) => (issue.input === "" || min <= 1 ? `${label} est obligatoire.` : `${label} doit compter au moins ${min} caractères.`) })
    .max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` })
    .refine((s) => !CONTROL_CHARS.test(s), {
      error: `${label} contient un caractère de contrôle (saut de ligne, tabulation…) : écrivez-le sur une seule ligne.`,
    });
}

function paragraph(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} : texte attendu.` })
    .trim()
    .min(min, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} ne doit pas dépasser ${max} caractères.` })
    .refine((s) => !CONTROL_CHARS_BUT_LINES.test(s), { error: `${label} contient un caractère de contrôle invisible : retirez-le.` });
}

const isoDate = (label: string) =>
  z.string({ error: `${label} : date attendue.` }).refine(isValidIsoDate, { error: `${label} : date invalide, attendu une date réelle au format AAAA-MM-JJ.` });

const euros = (label: string) =>
  z
    .int({ error: `${label} : montant en euros entiers attendu.` })
    .min(0, { error: `${label} ne peut pas être négatif.` })
    .max(MAX_YEARLY_AMOUNT, { error: `${label} dépasse ${MAX_YEARLY_AMOUNT.toLocaleString("fr-FR")} € : vérifiez le montant.` });

export const siretSchema = z
  .string({ error: "SIRET : texte attendu." })
  .transform((s) => s.replace(/[\s\u00a0\u202f.]/g, ""))
  .refine((s) => /^\d{14}$/.test(s), { error: "Le SIRET doit compter 14 chiffres." })
  .refine(isValidSiret, { error: "Ce SIRET n'existe pas : sa clé de contrôle est fausse (vérifiez chaque chiffre)." });

export const holderSchema = z.strictObject({
  structure: line("Le nom de la structure porteuse", 2, 200),
  siret: siretSchema.nullable().default(null),
});

export const yearlyAmountSchema = z.strictObject({
  year: z
    .int({ error: "Année : nombre entier attendu." })
    .min(FIRST_FUNDING_YEAR, { error: `L'année de financement doit être comprise entre ${FIRST_FUNDING_YEAR} et ${LAST_FUNDING_YEAR}.` })
    .max(LAST_FUNDING_YEAR, { error: `L'année de financement doit être comprise entre ${FIRST_FUNDING_YEAR} et ${LAST_FUNDING_YEAR}.` }),
  arsFir: euros("Le montant ARS (FIR)"),
  dreetsP304: euros("Le montant DREETS (programme 304)"),
});
export type YearlyAmount = z.infer<typeof yearlyAmountSchema>;

export const evaluationSchema = z.strictObject({
  outcome: z.enum(EVALUATION_OUTCOMES, { error: "Résultat d'évaluation inconnu : favorable, réservée ou défavorable." }),
  comment: paragraph("Le commentaire d'évaluation", 0, 2000).default(""),
});

const regionCode = z
  .string({ error: "Région : code attendu." })
  .refine((c) => findRegion(c) !== undefined, { error: "Région inconnue : attendu un code de région du code officiel géographique (11, 24, 84…)." });

const departementCode = z.string({ error: "Département : code attendu." }).refine((c) => findDepartement(c) !== undefined, {
  error: "Département inconnu : attendu un code du code officiel géographique (01 à 95, 2A, 2B, 971 à 976).",
});

const baseProjectSchema = z.strictObject({
  title: line("L'intitulé du projet", 3, 200),
  holder: holderSchema,
  region: regionCode,
  departements: z
    .array(departementCode, { error: "Départements : liste attendue." })
    .min(1, { error: "Indiquez au moins un département où le projet se déroule." }),
  themes: z
    .array(z.enum(THEME_IDS, { error: "Thématique inconnue : attendu une des 6 thématiques prioritaires." }), { error: "Thématiques : liste attendue." })
    .min(1, { error: "Choisissez au moins une des 6 thématiques prioritaires." })
    .max(THEME_IDS.length, { error: "Il n'y a que 6 thématiques prioritaires." }),
  fundingLine: z.enum(FUNDING_LINES, { error: "Ligne de financement inconnue : ARS-FIR (santé), DREETS programme 304 (social) ou conjoint." }),
  amounts: z
    .array(yearlyAmountSchema, { error: "Montants : liste attendue." })
    .min(1, { error: "Indiquez le montant d'au moins une année." })
    .max(LAST_FUNDING_YEAR - FIRST_FUNDING_YEAR + 1),
  startDate: isoDate("La date de début"),
  endDate: isoDate("La date de fin").nullable().default(null),
  status: z.enum(PROJECT_STATUSES, { error: "Statut inconnu : lauréat, en cours, évalué, reconduit ou terminé." }),
  evaluation: evaluationSchema.nullable().default(null),
  publicSummary: paragraph("Le résumé public", 1, 2000),
});

type ProjectShape = z.output<typeof baseProjectSchema>;

/** Rules across fields. Each runs when the fields it reads are valid, so a report lists every problem at once. */
function crossChecks(project: ProjectShape, ctx: z.RefinementCtx<ProjectShape>) {
  const valid = (...fields: (keyof ProjectShape)[]) => !ctx.issues.some((i) => fields.includes(i.path?.[0] as keyof ProjectShape));

  if (valid("region", "departements")) {
    const seen = new Set<string>();
    project.departements.forEach((code, i) => {
      const dep = findDepartement(code)!;
      if (seen.has(code)) ctx.addIssue({ code: "custom", path: ["departements", i], message: `Le département ${code} est indiqué deux fois.` });
      else if (dep.region !== project.region)
        ctx.addIssue({
          code: "custom",
          path: ["departements", i],
          message: `Le département ${code} (${dep.nom}) n'est pas dans la région ${project.region} (${findRegion(project.region)!.nom}) : un projet relève d'une seule région.`,
        });
      seen.add(code);
    });
  }

  if (valid("themes")) {
    const seen = new Set<ThemeId>();
    project.themes.forEach((t, i) => {
      if (seen.has(t)) ctx.addIssue({ code: "custom", path: ["themes", i], message: "Cette thématique est indiquée deux fois." });
      seen.add(t);
    });
  }

  if (valid("amounts")) {
    const seen = new Set<number>();
    project.amounts.forEach((a, i) => {
      if (seen.has(a.year))
        ctx.addIssue({ code: "custom", path: ["amounts", i, "year"], message: `L'année ${a.year} est indiquée deux fois dans les montants.` });
      seen.add(a.year);
      if (a.arsFir + a.dreetsP304 === 0)
        ctx.addIssue({
          code: "custom",
          path: ["amounts", i],
          message: `Le montant de l'année ${a.year} est nul : retirez cette année ou indiquez le montant.`,
        });
    });
  }

  if (valid("amounts", "fundingLine")) {
    const ars = project.amounts.reduce((s, a) => s + a.arsFir, 0);
    const dreets = project.amounts.reduce((s, a) => s + a.dreetsP304, 0);
    if (project.fundingLine === "ars-fir" && dreets > 0)
      ctx.addIssue({
        code: "custom",
        path: ["fundingLine"],
        message: "Financement ARS (FIR) seul, mais un montant DREETS est indiqué : choisissez « conjoint » ou retirez le montant DREETS.",
      });
    if (project.fundingLine === "dreets-p304" && ars > 0)
      ctx.addIssue({
        code: "custom",
        path: ["fundingLine"],
        message: "Financement DREETS (programme 304) seul, mais un montant ARS est indiqué : choisissez « conjoint » ou retirez le montant ARS.",
      });
    if (project.fundingLine === "conjoint" && (ars === 0 || dreets === 0))
      ctx.addIssue({
        code: "custom",
        path: ["fundingLine"],
        message: "Financement conjoint : indiquez un montant ARS (FIR) et un montant DREETS (programme 304).",
      });
  }

  if (valid("startDate", "endDate") && project.endDate !== null && compareDates(project.endDate, project.startDate) < 0)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "La date de fin est antérieure à la date de début." });

  if (valid("status", "evaluation") && project.status === "evalue" && project.evaluation === null)
    ctx.addIssue({ code: "custom", path: ["evaluation"], message: "Un projet au statut « évalué » doit indiquer le résultat de son évaluation." });
}

export const projectSchema = baseProjectSchema.superRefine(crossChecks, { when: () => true });

/** A project as typed or imported (before defaults). */
export type ProjectInput = z.input<typeof projectSchema>;
/** A valid project. */
export type Project = z.output<typeof projectSchema>;

export interface FieldError {
  /** Dotted path of the field, e.g. `holder.siret`, `departements.1`, `amounts.0.arsFir`. */
  field: string;
  message: string;
}

export type ProjectValidation = { ok: true; project: Project } | { ok: false; errors: FieldError[] };

export function validateProject(input: unknown): ProjectValidation {
  const parsed = projectSchema.safeParse(input);
  if (parsed.success) return { ok: true, project: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: frenchMessage(i) })) };
}

/** Messages for issues the schema does not word itself (unknown keys, missing objects). */
function frenchMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `Champ${issue.keys.length > 1 ? "s" : ""} inattendu${issue.keys.length > 1 ? "s" : ""} : ${issue.keys.join(", ")}.`;
  return issue.message;
}

/** Amount of a project for one year (both funders), 0 when it has none. */
export function amountForYear(project: Pick<Project, "amounts">, year: number): { arsFir: number; dreetsP304: number; total: number } {
  const a = project.amounts.find((x) => x.year === year);
  const arsFir = a?.arsFir ?? 0;
  const dreetsP304 = a?.dreetsP304 ?? 0;
  return { arsFir, dreetsP304, total: arsFir + dreetsP304 };
}

export interface ProjectTotals {
  count: number;
  arsFir: number;
  dreetsP304: number;
  total: number;
}

const emptyTotals = (): ProjectTotals => ({ count: 0, arsFir: 0, dreetsP304: 0, total: 0 });

/**
 * Totals of a list of projects, for all years or one year (projects without an amount that year are left
 * out). By theme, a project with several themes counts fully in each: the theme totals may add up to more
 * than the overall total.
 */
export function summariseProjects(
  projects: readonly Project[],
  options: { year?: number } = {},
): { overall: ProjectTotals; byRegion: Record<string, ProjectTotals>; byTheme: Record<ThemeId, ProjectTotals> } {
  const overall = emptyTotals();
  const byRegion: Record<string, ProjectTotals> = {};
  const byTheme = Object.fromEntries(THEME_IDS.map((t) => [t, emptyTotals()])) as Record<ThemeId, ProjectTotals>;
  for (const p of projects) {
    const amounts = options.year === undefined ? p.amounts : p.amounts.filter((a) => a.year === options.year);
    if (amounts.length === 0) continue;
    const arsFir = amounts.reduce((s, a) => s + a.arsFir, 0);
    const dreetsP304 = amounts.reduce((s, a) => s + a.dreetsP304, 0);
    const add = (t: ProjectTotals) => {
      t.count += 1;
      t.arsFir += arsFir;
      t.dreetsP304 += dreetsP304;
      t.total += arsFir + dreetsP304;
    };
    add(overall);
    add((byRegion[p.region] ??= emptyTotals()));
    for (const theme of new Set(p.themes)) add(byTheme[theme]);
  }
  return { overall, byRegion, byTheme };
}
