import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContentValidationError, loadContent } from "./load-content.js";
import { loadTranslations } from "./load-translations.js";
import { CALENDAR_TEXTS } from "../../domain/calendar/texts.js";

const realContent = fileURLToPath(new URL("../../../content", import.meta.url));

describe("the real translations", () => {
  it("are valid, and at least 25 French articles are essentials", async () => {
    const french = await loadContent(realContent);
    const essentials = french.articles.filter((a) => a.essential);
    expect(essentials.length).toBeGreaterThanOrEqual(25);
    const bundles = await loadTranslations(realContent, french);
    expect([...bundles.keys()]).toEqual(["falc", "en", "ar", "prs", "tr", "pt", "uk"]);
    // The EPDS orientation and helplines exist in every language, every text translated (none kept in French).
    for (const [language, bundle] of bundles) expect(Object.values(bundle.orientationEpds?.texts ?? { missing: null }).every(Boolean), language).toBe(true);
    // Every language: every essential is there, marked « à relire » (machine-assisted, made here).
    for (const language of ["falc", "en", "ar", "prs", "tr", "pt", "uk"] as const) {
      const translated = bundles.get(language)!.articles;
      expect(translated.map((a) => a.id).sort(), language).toEqual(essentials.map((a) => a.id).sort());
      expect(translated.every((a) => a.translation.status === "a-relire"), language).toBe(true);
    }
  });
});

describe("easy-to-read (FALC) text", () => {
  it("keeps one sentence per line, where other languages join the lines of a paragraph", async () => {
    const french = await loadContent(realContent);
    const bundles = await loadTranslations(realContent, french);
    const falc = bundles.get("falc")!.articles.find((a) => a.id === "bebe-secoue-pleurs")!;
    expect(falc.html).toContain("Parfois, rien ne calme votre bébé.<br>Ce n&#39;est pas votre faute.");
    const english = bundles.get("en")!.articles.find((a) => a.id === "bebe-secoue-pleurs")!;
    expect(english.html).not.toContain("<br>");
  });
});

const body = `## Why it matters

Declaring your pregnancy tells your health insurance fund and the CAF. It opens your rights: your pregnancy check-ups are paid for, and the CAF looks at the birth grant.

Your doctor or midwife fills in the declaration online with your carte Vitale during the first prenatal check-up.
`;
const sources = `sources:
  - "https://www.ameli.fr/assure/droits-demarches/famille/maternite-paternite-adoption/grossesse"
  - "https://www.service-public.fr/particuliers/vosdroits/F963"`;

function file(front: { id?: string; language?: string; title?: string; sources?: string; translation?: string }): string {
  return `---
id: ${front.id ?? "declaration-grossesse"}
language: ${front.language ?? "en"}
title: "${front.title ?? "Declaring your pregnancy: before the end of week 14"}"
summary: "Declaring your pregnancy opens your rights with the health insurance fund and the CAF."
keyMessage: "Have your first prenatal check-up early."
${front.sources ?? sources}
${front.translation ?? "translation:\n  status: a-relire"}
---

${body}`;
}

describe("a broken translation fails with its file and field named", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "traductions-"));
    await cp(realContent, dir, { recursive: true });
    await rm(join(dir, "traductions"), { recursive: true, force: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function put(language: string, name: string, text: string) {
    await mkdir(join(dir, "traductions", language), { recursive: true });
    await writeFile(join(dir, "traductions", language, name), text);
  }
  async function load() {
    return loadTranslations(dir, await loadContent(dir));
  }
  async function errorsOf(): Promise<string> {
    try {
      await load();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentValidationError);
      return (error as Error).message;
    }
    throw new Error("translations were accepted");
  }

  it("accepts a translation to be reviewed and a reviewed one, and ships their status", async () => {
    await put("en", "declaration-grossesse.md", file({}));
    await put("tr", "declaration-grossesse.md", file({ language: "tr", translation: 'translation:\n  status: relu\n  reviewer: "Ayşe Demir, interprète ISM"\n  reviewedOn: 2026-12-01' }));
    const bundles = await load();
    const en = bundles.get("en")!.articles[0]!;
    expect(en).toMatchObject({ id: "declaration-grossesse", language: "en", translation: { status: "a-relire" } });
    expect(en.html).toContain("<h2>Why it matters</h2>");
    expect(bundles.get("tr")!.articles[0]!.translation).toEqual({ status: "relu", reviewer: "Ayşe Demir, interprète ISM", reviewedOn: "2026-12-01" });
    expect(bundles.get("ar")!.articles).toEqual([]);
  });
  it("an id that is not a French article", async () => {
    await put("en", "grossesse.md", file({ id: "grossesse" }));
    expect(await errorsOf()).toMatch(/traductions\/en\/grossesse\.md : champ « id » : aucun article français ne porte l'identifiant « grossesse »/);
  });
  it("an id that differs from the file name", async () => {
    await put("en", "declaration.md", file({}));
    expect(await errorsOf()).toMatch(/traductions\/en\/declaration\.md : champ « id » : doit être identique au nom du fichier/);
  });
  it("sources other than the original's", async () => {
    await put("en", "declaration-grossesse.md", file({ sources: 'sources:\n  - "https://www.ameli.fr/assure/droits-demarches/famille/maternite-paternite-adoption/grossesse"' }));
    expect(await errorsOf()).toMatch(/declaration-grossesse\.md : champ « sources » : doivent être celles de l'original français/);
  });
  it("no review status", async () => {
    await put("en", "declaration-grossesse.md", file({ translation: "" }));
    expect(await errorsOf()).toMatch(/traductions\/en\/declaration-grossesse\.md : champ « translation »/);
  });
  it("an unknown review status", async () => {
    await put("en", "declaration-grossesse.md", file({ translation: "translation:\n  status: traduit" }));
    expect(await errorsOf()).toMatch(/champ « translation\.status »/);
  });
  it("« relu » without a reviewer, or without a date", async () => {
    await put("en", "declaration-grossesse.md", file({ translation: "translation:\n  status: relu\n  reviewedOn: 2026-12-01" }));
    await put("pt", "declaration-grossesse.md", file({ language: "pt", translation: 'translation:\n  status: relu\n  reviewer: "Ana Silva"' }));
    const message = await errorsOf();
    expect(message).toMatch(/traductions\/en\/declaration-grossesse\.md : champ « translation\.reviewer »/);
    expect(message).toMatch(/traductions\/pt\/declaration-grossesse\.md : champ « translation\.reviewedOn »/);
  });
  it("a stray field: one the translation does not carry (stages come from the original) or a misspelt one", async () => {
    await put("en", "declaration-grossesse.md", file({ translation: "translation:\n  status: a-relire\nstages: [grossesse]" }));
    await put("pt", "declaration-grossesse.md", file({ language: "pt", translation: "translation:\n  status: a-relire\n  reviwer: Ana" }));
    const message = await errorsOf();
    expect(message).toMatch(/traductions\/en\/declaration-grossesse\.md : champ « \(racine\) » : Clé non reconnue : "stages"/);
    expect(message).toMatch(/traductions\/pt\/declaration-grossesse\.md : champ « translation » : Clé non reconnue : "reviwer"/);
  });
  it("an empty field", async () => {
    await put("en", "declaration-grossesse.md", file({ title: "   " }));
    expect(await errorsOf()).toMatch(/declaration-grossesse\.md : champ « title » : ne doit pas être vide/);
  });
  it("an empty text", async () => {
    await put("en", "declaration-grossesse.md", file({}).replace(body, ""));
    expect(await errorsOf()).toMatch(/declaration-grossesse\.md : champ « \(texte\) » : le texte de l'article est trop court/);
  });
  it("a language other than its folder's, and an unknown language folder", async () => {
    await put("en", "declaration-grossesse.md", file({ language: "ar" }));
    await put("klingon", "declaration-grossesse.md", file({}));
    const message = await errorsOf();
    expect(message).toMatch(/traductions\/en\/declaration-grossesse\.md : champ « language » : doit être « en »/);
    expect(message).toMatch(/content\/traductions\/klingon : champ « \(dossier\) » : langue inconnue/);
  });
});

describe("the EPDS orientation texts of a language", () => {
  let dir: string;
  const file = () => join(dir, "traductions", "en", "orientation-epds.json");
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "orientation-"));
    await cp(realContent, dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function edit(change: (texts: Record<string, string | null>) => void, status: unknown = { status: "a-relire" }) {
    const data = JSON.parse(await readFile(file(), "utf8")) as { texts: Record<string, string | null> };
    change(data.texts);
    await writeFile(file(), JSON.stringify({ translation: status, texts: data.texts }));
  }
  async function errorsOf(): Promise<string> {
    try {
      await loadTranslations(dir, await loadContent(dir));
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("orientation texts were accepted");
  }

  it("accepts null to keep a French text explicitly", async () => {
    await edit((t) => (t["pmi.text"] = null));
    const en = (await loadTranslations(dir, await loadContent(dir))).get("en")!;
    expect(en.orientationEpds!.texts["pmi.text"]).toBeNull();
  });
  it("a missing key and an unknown key", async () => {
    await edit((t) => {
      delete t["appeler-3114.text"];
      t["appeler-3115.text"] = "Call 3115.";
    });
    const message = await errorsOf();
    expect(message).toMatch(/traductions\/en\/orientation-epds\.json : champ « texts\.appeler-3114\.text » : manquant/);
    expect(message).toMatch(/champ « texts\.appeler-3115\.text » : clé inconnue/);
  });
  it("an empty text", async () => {
    await edit((t) => (t["pmi.title"] = " "));
    expect(await errorsOf()).toMatch(/champ « texts\.pmi\.title » : ne doit pas être vide/);
  });
  it("a helpline number lost in translation", async () => {
    await edit((t) => (t["allo-parents-bebe.title"] = "Allô Parents Bébé: 0 800 00 3465"));
    expect(await errorsOf()).toMatch(/champ « texts\.allo-parents-bebe\.title » : le numéro 0800003456 du texte français doit rester/);
  });
  it("« relu » without a reviewer", async () => {
    await edit(() => undefined, { status: "relu", reviewedOn: "2026-12-01" });
    expect(await errorsOf()).toMatch(/orientation-epds\.json : champ « translation\.reviewer »/);
  });
});

describe("the calendar texts of a language (calendrier.json)", () => {
  let dir: string;
  const file = () => join(dir, "traductions", "ar", "calendrier.json");
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "calendrier-"));
    await cp(realContent, dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function edit(change: (texts: Record<string, unknown>) => void, status: unknown = { status: "a-relire" }) {
    const data = JSON.parse(await readFile(file(), "utf8")) as { texts: Record<string, unknown> };
    change(data.texts);
    await writeFile(file(), JSON.stringify({ translation: status, texts: data.texts }));
  }
  async function errorsOf(): Promise<string> {
    try {
      await loadTranslations(dir, await loadContent(dir));
    } catch (error) {
      expect(error).toBeInstanceOf(ContentValidationError);
      return (error as Error).message;
    }
    throw new Error("calendar texts were accepted");
  }

  it("exist in every language, complete, « à relire », and are shipped in the bundle", async () => {
    const bundles = await loadTranslations(realContent, await loadContent(realContent));
    for (const [language, bundle] of bundles) {
      expect(bundle.calendar?.translation, language).toEqual({ status: "a-relire" });
      expect(Object.keys(bundle.calendar!.texts).sort(), language).toEqual(Object.keys(CALENDAR_TEXTS).sort());
    }
  });
  it("a missing key", async () => {
    await edit((t) => delete t["examen-prenatal.title"]);
    expect(await errorsOf()).toMatch(/traductions\/ar\/calendrier\.json : champ « texts\.examen-prenatal\.title » : manquant/);
  });
  it("an unknown key", async () => {
    await edit((t) => (t["examen-prenatal-8.title"] = "الفحص الثامن"));
    expect(await errorsOf()).toMatch(/champ « texts\.examen-prenatal-8\.title » : clé inconnue/);
  });
  it("an empty text", async () => {
    await edit((t) => (t["vaccin-bcg.title"] = "  "));
    expect(await errorsOf()).toMatch(/champ « texts\.vaccin-bcg\.title » : ne doit pas être vide/);
  });
  it("a placeholder dropped, renamed or added", async () => {
    await edit((t) => {
      t["examen-prenatal.title"] = "الفحص قبل الولادة رقم {exam}";
      t["vaccins-mois.title"] = "لقاحات {mois}";
    });
    const message = await errorsOf();
    expect(message).toMatch(/champ « texts\.examen-prenatal\.title » : variables différentes du français : attendu \{exam\}, \{month\}, trouvé \{exam\}/);
    expect(message).toMatch(/champ « texts\.vaccins-mois\.title » : variables différentes du français : attendu \{months\}, trouvé \{mois\}/);
  });
  it("a template that does not parse", async () => {
    await edit((t) => (t["conge-paternite-suite.title"] = "إجازة الأبوة: {days"));
    expect(await errorsOf()).toMatch(/champ « texts\.conge-paternite-suite\.title » : texte mal formé/);
  });
  it("a text that is not a string, and no review status", async () => {
    await edit((t) => (t["vaccin-bcg.title"] = 3), null);
    const message = await errorsOf();
    expect(message).toMatch(/calendrier\.json : champ « translation »/);
    expect(message).toMatch(/calendrier\.json : champ « texts\.vaccin-bcg\.title »/);
  });
  it("a file that is not JSON, and one that is not an object", async () => {
    await writeFile(file(), '{ "translation": { "status": "a-relire" }, "texts": {');
    expect(await errorsOf()).toMatch(/traductions\/ar\/calendrier\.json : champ « \(fichier\) » : JSON invalide : /);
    await writeFile(file(), '"texts"');
    expect(await errorsOf()).toMatch(/traductions\/ar\/calendrier\.json : champ « \(racine\) » : /);
  });
  it("« relu » needs a reviewer and a date", async () => {
    await edit(() => undefined, { status: "relu", reviewer: "Samira B., interprète ISM" });
    expect(await errorsOf()).toMatch(/calendrier\.json : champ « translation\.reviewedOn »/);
  });
});
