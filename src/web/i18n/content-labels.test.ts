import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { situationIds, stageIds, themeIds } from "../../domain/content/taxonomy.js";
import { situationLabels, stageLabels, themeLabels } from "./content-labels.js";

const content = (file: string) => JSON.parse(readFileSync(new URL(`../../../content/${file}`, import.meta.url), "utf8")) as Record<string, string>[];

describe("the interface's names of stages, themes and situations", () => {
  it("say in French exactly what the content says, for every id", () => {
    const stages = content("stages.json");
    expect(Object.keys(stageLabels)).toEqual([...stageIds]);
    for (const stage of stages) {
      const labels = stageLabels[stage.id as (typeof stageIds)[number]];
      expect({ title: labels.title.message, period: labels.period.message, description: labels.description.message }, stage.id).toEqual({
        title: stage.title,
        period: stage.period,
        description: stage.description,
      });
    }
    expect(Object.keys(themeLabels)).toEqual([...themeIds]);
    for (const theme of content("themes.json")) expect(themeLabels[theme.id as (typeof themeIds)[number]].message, theme.id).toBe(theme.title);
    expect(Object.keys(situationLabels)).toEqual([...situationIds]);
    for (const situation of content("situations.json"))
      expect(situationLabels[situation.id as (typeof situationIds)[number]].message, situation.id).toBe(situation.title);
  });
});
