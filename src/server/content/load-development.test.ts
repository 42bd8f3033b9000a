import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDevelopmentContent } from "./load-development.js";

const root = fileURLToPath(new URL("../../../content", import.meta.url));

describe("content/developpement", () => {
  it("holds the 51 items of the 2024 grid from 6 months to 3 years, in French", async () => {
    const fr = (await loadDevelopmentContent(root)).get("fr")!;
    expect(fr.bands.map((b) => [b.id, b.items.length])).toEqual([
      ["6-mois", 9],
      ["12-mois", 12],
      ["18-mois", 9],
      ["24-mois", 11],
      ["3-ans", 10],
    ]);
    expect(fr.bands[0]!.items[0]!.text).toBe("Tient sa tête stable sans osciller (attendu à 4 mois)");
    expect(fr.bands[2]!.domainLabels.langage).toBe("Langage oral");
  });

  it("refuses a file whose item sits in a domain its band does not have, naming file and field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dev-content-"));
    await mkdir(join(dir, "developpement"));
    const fr = JSON.parse(await readFile(join(root, "developpement", "fr.json"), "utf8"));
    fr.bands[0].items[0].domain = "cognition";
    await writeFile(join(dir, "developpement", "fr.json"), JSON.stringify(fr));
    await expect(loadDevelopmentContent(dir)).rejects.toThrow(/content\/developpement\/fr\.json.*bands\.0\.items\.0\.domain.*cognition/s);
  });

  it("has every language of the app, each with the French file's items, marked as our translation to review", async () => {
    const all = await loadDevelopmentContent(root);
    expect([...all.keys()].sort()).toEqual(["ar", "en", "falc", "fr", "prs", "pt", "tr", "uk"]);
    const frenchIds = all.get("fr")!.bands.flatMap((b) => b.items.map((i) => `${i.id}:${i.domain}`));
    for (const [locale, content] of all) {
      expect(content.bands.flatMap((b) => b.items.map((i) => `${i.id}:${i.domain}`)), locale).toEqual(frenchIds);
      if (locale === "fr") continue;
      expect(content.status, locale).toBe("traduction-a-relire");
      expect(content.translation, locale).toMatchObject({ review: { status: "a-relire" }, official: false });
      // A translated item is not the French text left untranslated.
      expect(content.bands[0]!.items[0]!.text, locale).not.toBe(all.get("fr")!.bands[0]!.items[0]!.text);
    }
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON fixture, edited freely to break it
  async function withTranslation(edit: (translated: any) => void): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "dev-content-"));
    await mkdir(join(dir, "developpement"));
    for (const name of ["fr.json", "en.json"]) {
      const data = JSON.parse(await readFile(join(root, "developpement", name), "utf8"));
      if (name === "en.json") edit(data);
      await writeFile(join(dir, "developpement", name), JSON.stringify(data));
    }
    return dir;
  }

  it("fails the build naming the translation's file when an item is missing, unknown or in another domain", async () => {
    const missing = await withTranslation((en) => en.bands[1].items.splice(2, 1));
    await expect(loadDevelopmentContent(missing)).rejects.toThrow(/content\/developpement\/en\.json : champ « bands\.1\.items » : item manquant : 12m-mg-3/);
    const extra = await withTranslation((en) => en.bands[0].items.push({ ...en.bands[0].items[0], id: "6m-mg-9" }));
    await expect(loadDevelopmentContent(extra)).rejects.toThrow(/content\/developpement\/en\.json : champ « bands\.0\.items\.9\.id » : item absent de fr\.json : 6m-mg-9/);
    const moved = await withTranslation((en) => (en.bands[0].items[0].domain = "langage"));
    await expect(loadDevelopmentContent(moved)).rejects.toThrow(/en\.json : champ « bands\.0\.items\.0\.domain » : doit être motricite-globale/);
    const band = await withTranslation((en) => en.bands.pop());
    await expect(loadDevelopmentContent(band)).rejects.toThrow(/en\.json : champ « bands » : tranche d'âge manquante : 3-ans/);
  });

  it("names the file and says why when a file is not JSON or not an object of the grid (the same messages as every content JSON)", async () => {
    const dir = await withTranslation(() => undefined);
    await writeFile(join(dir, "developpement", "en.json"), '{ "locale": "en", ');
    await expect(loadDevelopmentContent(dir)).rejects.toThrow(/content\/developpement\/en\.json : champ « \(fichier\) » : JSON invalide : /);
    await writeFile(join(dir, "developpement", "en.json"), "[]");
    await expect(loadDevelopmentContent(dir)).rejects.toThrow(/content\/developpement\/en\.json : champ « \(racine\) » : /);
  });

  it("fails when a translation does not say it is ours and to review, or changes the sources", async () => {
    const unmarked = await withTranslation((en) => delete en.translation);
    await expect(loadDevelopmentContent(unmarked)).rejects.toThrow(/en\.json : champ « translation » : une traduction indique son état de relecture/);
    const official = await withTranslation((en) => (en.translation.official = true));
    await expect(loadDevelopmentContent(official)).rejects.toThrow(/en\.json : champ « translation\.official »/);
    const sources = await withTranslation((en) => en.sources.pop());
    await expect(loadDevelopmentContent(sources)).rejects.toThrow(/en\.json : champ « sources » : doivent être celles de fr\.json/);
    const empty = await withTranslation((en) => (en.bands[0].items[0].example = " "));
    await expect(loadDevelopmentContent(empty)).rejects.toThrow(/en\.json : champ « bands\.0\.items\.0\.example » : texte vide/);
  });
});
