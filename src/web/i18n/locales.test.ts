import { describe, expect, it } from "vitest";
import { locales } from "../../domain/content/languages.js";
import { localeFromPath, localizedPath, pathWithoutLocale } from "./locales.js";

describe("interface languages", () => {
  it("reads the language from the path prefix, French keeping today's paths", () => {
    expect(localeFromPath("/").code).toBe("fr");
    expect(localeFromPath("/parcours/grossesse").code).toBe("fr");
    expect(localeFromPath("/ar").code).toBe("ar");
    expect(localeFromPath("/ar/").code).toBe("ar");
    expect(localeFromPath("/prs/calendrier").code).toBe("prs");
    expect(localeFromPath("/falc/articles/x").code).toBe("falc");
    // A French path that merely starts with a code's letters is French.
    expect(localeFromPath("/entretiens").code).toBe("fr");
    expect(localeFromPath("/arbre").code).toBe("fr");
  });

  it("strips and swaps the prefix", () => {
    expect(pathWithoutLocale("/ar")).toBe("/");
    expect(pathWithoutLocale("/ar/parcours")).toBe("/parcours");
    expect(pathWithoutLocale("/parcours")).toBe("/parcours");
    const en = locales.find((l) => l.code === "en")!;
    const fr = locales.find((l) => l.code === "fr")!;
    expect(localizedPath(en, "/ar/parcours/grossesse")).toBe("/en/parcours/grossesse");
    expect(localizedPath(en, "/")).toBe("/en/");
    expect(localizedPath(fr, "/uk/calendrier")).toBe("/calendrier");
    expect(localizedPath(fr, "/uk")).toBe("/");
  });

  it("has at most the 8 languages of the DSFR selector, right-to-left for Arabic and Dari only", () => {
    expect(locales.length).toBeLessThanOrEqual(8);
    expect(locales.filter((l) => l.dir === "rtl").map((l) => l.code)).toEqual(["ar", "prs"]);
    // The direction agrees with the platform's own data where it has it.
    for (const l of locales) {
      const info = (new Intl.Locale(l.lang) as Intl.Locale & { getTextInfo?: () => { direction: string } }).getTextInfo?.();
      if (info) expect(info.direction, l.code).toBe(l.dir);
    }
    expect(new Set(locales.map((l) => l.prefix)).size).toBe(locales.length);
  });
});
