import { parseEpdsQuestionnaire, type EpdsQuestionnaire } from "./schema.js";

/**
 * Test helpers only (imported by the `*.test.ts` files beside). The files of `content/epds/` are read
 * through Vite's `import.meta.glob`, so the domain folder stays free of Node I/O.
 */
const raw = import.meta.glob<unknown>("../../../content/epds/*.json", { eager: true, import: "default" });

/** Parsed JSON of every `content/epds/*.json`, by file name ("fr.json"…). */
export const epdsContentJson: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.entries(raw).map(([path, data]) => [path.slice(path.lastIndexOf("/") + 1), data]),
);

export function epdsContentFiles(): string[] {
  return Object.keys(epdsContentJson).sort();
}

export function loadEpds(name: string): EpdsQuestionnaire {
  if (!(name in epdsContentJson)) throw new Error(`content/epds/${name} is missing`);
  return parseEpdsQuestionnaire(epdsContentJson[name]);
}

/** Answer indexes that pick, on each item, the option worth `points[i]`. */
export function answersForPoints(questionnaire: EpdsQuestionnaire, points: readonly number[]): number[] {
  return questionnaire.items.map((item, i) => {
    const index = item.options.findIndex((o) => o.points === points[i]);
    if (index < 0) throw new Error(`item ${item.number} has no option worth ${String(points[i])}`);
    return index;
  });
}

/** A copy of `questionnaire` whose options are listed in another order on every item (same texts and points). */
export function withOptionOrder(questionnaire: EpdsQuestionnaire, order: (itemNumber: number) => readonly number[]): EpdsQuestionnaire {
  return {
    ...questionnaire,
    items: questionnaire.items.map((item) => ({
      ...item,
      options: order(item.number).map((i) => {
        const option = item.options[i];
        if (!option) throw new Error(`bad permutation for item ${item.number}`);
        return { ...option };
      }),
    })),
  };
}
