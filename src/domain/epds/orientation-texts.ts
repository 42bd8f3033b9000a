import type { EpdsBandId } from "./score.js";
import { orientationFor, type EpdsAudience, type EpdsOrientation, type OrientationStep } from "./orientation.js";

/**
 * The texts of the EPDS orientation (src/domain/epds/orientation.ts), keyed by a stable id so that they can be
 * translated in `content/traductions/<langue>/orientation-epds.json`: `<step>.title`, `<step>.text`, and for the
 * texts that change with the person and the result, `professionnel-sante.text.<audience>.<situation>` and
 * `epnp.text.<audience>`. The French texts stay in orientation.ts, the single source of the rules.
 */
const audiences: EpdsAudience[] = ["mere", "second-parent"];
const results: { safetyFlag: boolean; band: EpdsBandId }[] = [
  { safetyFlag: true, band: "faible" },
  { safetyFlag: false, band: "eleve" },
  { safetyFlag: false, band: "a-surveiller" },
  { safetyFlag: false, band: "faible" },
];

function textKey(step: OrientationStep, audience: EpdsAudience, situation: string): string {
  if (step.id === "professionnel-sante") return `professionnel-sante.text.${audience}.${situation}`;
  if (step.id === "epnp") return `epnp.text.${audience}`;
  return `${step.id}.text`;
}

let catalogue: Map<string, string> | undefined;

/** Every orientation text in French, by key (built by running the rules over every audience and result). */
export function orientationTextCatalogue(): ReadonlyMap<string, string> {
  if (catalogue) return catalogue;
  const texts = new Map<string, string>();
  for (const audience of audiences)
    for (const { safetyFlag, band } of results) {
      const situation = safetyFlag ? "securite" : band;
      const orientation = orientationFor({ ok: true, total: 0, item10Points: safetyFlag ? 1 : 0, safetyFlag, band }, audience);
      for (const step of orientation.steps) {
        texts.set(`${step.id}.title`, step.title);
        texts.set(textKey(step, audience, situation), step.text);
      }
    }
  catalogue = texts;
  return texts;
}

/** Phone numbers as written in a text (« 3114 », « 0 800 00 3456 »): a translation must keep every one. */
export function phoneNumbersIn(text: string): string[] {
  return [...text.matchAll(/\b\d[\d ]*\d\b|\b\d\b/g)].map((m) => m[0].replace(/ /g, "")).filter((n) => n.length >= 2);
}

/**
 * The orientation with its titles and texts in another language where translated; `null` in the file, or a missing
 * file, keeps the French text. `translated` tells whether any text changed, `complete` whether every one did.
 */
export function localizeOrientation(
  orientation: EpdsOrientation,
  texts: Readonly<Record<string, string | null>> | null | undefined,
): Omit<EpdsOrientation, "steps"> & { steps: (OrientationStep & { translated: boolean })[]; translated: boolean; complete: boolean } {
  if (!texts) return { ...orientation, steps: orientation.steps.map((step) => ({ ...step, translated: false })), translated: false, complete: false };
  const keyOf = new Map<string, string>();
  for (const [key, french] of orientationTextCatalogue()) keyOf.set(`${key.split(".")[0]}|${key.includes(".title") ? "title" : "text"}|${french}`, key);
  let translated = false;
  let complete = true;
  const pick = (step: OrientationStep, part: "title" | "text"): string => {
    const key = keyOf.get(`${step.id}|${part}|${step[part]}`);
    const text = key ? texts[key] : null;
    if (text) translated = true;
    else complete = false;
    return text || step[part];
  };
  const steps = orientation.steps.map((step) => {
    const title = pick(step, "title");
    const text = pick(step, "text");
    return { ...step, title, text, translated: title !== step.title || text !== step.text };
  });
  return { ...orientation, steps, translated, complete };
}
