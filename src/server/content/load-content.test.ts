import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContentValidationError, loadContent } from "./load-content.js";

const realContent = fileURLToPath(new URL("../../../content", import.meta.url));

describe("the real content", () => {
  it("is valid, with at least 40 articles and every stage covered", async () => {
    const bundle = await loadContent(realContent);
    expect(bundle.articles.length).toBeGreaterThanOrEqual(40);
    expect(bundle.stages.map((s) => s.id)).toEqual([
      "projet", "conception", "debut-grossesse", "suite-grossesse", "accouchement",
      "trois-premiers-mois", "quatre-mois-un-an", "un-deux-ans", "deux-trois-ans",
    ]);
    for (const stage of bundle.stages) expect(bundle.articles.filter((a) => a.stages.includes(stage.id)).length, stage.id).toBeGreaterThanOrEqual(4);
    for (const theme of bundle.themes) expect(bundle.articles.some((a) => a.themes.includes(theme.id)), theme.id).toBe(true);
  });
});

describe("a broken content file fails with its file and field named", () => {
  let dir: string;
  const article = (name: string) => join(dir, "articles", name);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "contenu-"));
    await cp(realContent, dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function errorsOf(): Promise<string> {
    try {
      await loadContent(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(ContentValidationError);
      return (error as Error).message;
    }
    throw new Error("content was accepted");
  }

  async function edit(name: string, change: (text: string) => string) {
    await writeFile(article(name), change(await readFile(article(name), "utf8")));
  }

  it("a list file that is not JSON, whose entry does not match, or that is missing", async () => {
    await writeFile(join(dir, "themes.json"), "[{");
    expect(await errorsOf()).toMatch(/themes\.json : champ « \(fichier\) » : JSON invalide : /);
    await writeFile(join(dir, "themes.json"), "{}");
    expect(await errorsOf()).toMatch(/themes\.json : champ « \(racine\) » : /);
    await rm(join(dir, "themes.json"));
    expect(await errorsOf()).toMatch(/themes\.json : champ « \(fichier\) » : fichier illisible : /);
  });
  it("an unknown stage", async () => {
    await edit("acide-folique.md", (t) => t.replace("stages: [projet, conception, debut-grossesse]", "stages: [projet, lune]"));
    expect(await errorsOf()).toMatch(/articles\/acide-folique\.md : champ « stages\.1 »/);
  });
  it("a missing source URL scheme", async () => {
    await edit("acide-folique.md", (t) => t.replace('url: "https://', 'url: "http://'));
    expect(await errorsOf()).toMatch(/acide-folique\.md : champ « sources\.0\.url » : doit être une adresse https/);
  });
  it("an impossible review date", async () => {
    await edit("acide-folique.md", (t) => t.replace("reviewed: 2026-11-22", "reviewed: 2026-02-30"));
    expect(await errorsOf()).toMatch(/acide-folique\.md : champ « reviewed » : doit être une date réelle/);
  });
  it("an id that differs from the file name", async () => {
    await edit("acide-folique.md", (t) => t.replace("id: acide-folique", "id: vitamine-b9"));
    expect(await errorsOf()).toMatch(/acide-folique\.md : champ « id » : doit être identique au nom du fichier/);
  });
  it("broken YAML", async () => {
    await edit("acide-folique.md", (t) => t.replace("title: ", "title: : ["));
    expect(await errorsOf()).toMatch(/acide-folique\.md : champ « \(en-tête\) » : YAML invalide/);
  });
  it("an unknown field and raw HTML", async () => {
    await edit("acide-folique.md", (t) => t.replace("reviewed:", "auteur: moi\nreviewed:").replace("## Bon à savoir", "<script>alert(1)</script>\n\n## Bon à savoir"));
    const message = await errorsOf();
    expect(message).toMatch(/acide-folique\.md : champ « \(racine\) » : Clé non reconnue : "auteur"/);
    expect(message).toMatch(/le HTML n'est pas permis/);
  });
  it("a file without front matter", async () => {
    await writeFile(article("vide.md"), "Juste du texte.");
    expect(await errorsOf()).toMatch(/articles\/vide\.md : champ « \(en-tête\) »/);
  });
});
