import { describe, expect, it } from "vitest";
import { translationLanguages } from "../../../domain/content/languages.js";
import { developmentFileFor, developmentTranslations } from "./grid-content.js";

describe("development content by language", () => {
  it("has a file of its own for every language of the app", () => {
    expect(developmentTranslations).toEqual([...translationLanguages].sort());
    for (const language of translationLanguages) expect(developmentFileFor(language)).toEqual({ file: language, fallback: false });
    expect(developmentFileFor("fr")).toEqual({ file: "fr", fallback: false });
  });

  it("shows French, marked as a fallback, for a language without a file", () => {
    expect(developmentFileFor("uk", ["en", "ar"])).toEqual({ file: "fr", fallback: true });
    expect(developmentFileFor("ar", ["en", "ar"])).toEqual({ file: "ar", fallback: false });
  });
});
