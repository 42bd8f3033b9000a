import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newDataDir, newPhonePage, type RunningServer, runToday, startServer, tabTo } from "./support.js";
import { locales } from "../../src/domain/content/languages.js";

/**
 * Pilotage territorial, end to end. The accounts are created the way an operator does it, with
 * `npm run admin:create` (password on standard input) in a fresh data folder, then a server is started on
 * that folder: no test-only path exists in the application.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN = { email: "admin@sante.gouv.fr", password: "phrase de passe nationale 2026" };
const AGENT = { email: "agent.ara@ars.sante.fr", password: "phrase de passe régionale 84" };

function runCli(dataDir: string, script: string, args: string[], input = "") {
  const run = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    input,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`${script} a échoué : ${run.stderr}`);
  return run.stdout;
}

function createAccount(dataDir: string, password: string, args: string[]) {
  return runCli(dataDir, "src/cli/admin-create.ts", args, `${password}\n`);
}

let dataDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dataDir = newDataDir("mille-jours-pilotage-");
  expect(createAccount(dataDir, ADMIN.password, ["--email", ADMIN.email, "--nom", "Administration nationale"])).toContain("Administrateur national");
  expect(
    createAccount(dataDir, AGENT.password, ["--email", AGENT.email, "--nom", "Agent ARS ARA", "--role", "regional", "--service", "ars", "--region", "84"]),
  ).toContain("région 84");
  server = await startServer({ dataDir });
  browser = await launchBrowser();
}, 300_000); // accounts created by the CLI, then a server started: slow on a loaded machine
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Logs in with the keyboard only: Tab to each field, type, Enter. */
async function keyboardLogin(page: Page, account: { email: string; password: string }) {
  await page.goto(`${server.url}/pilotage`);
  await page.getByRole("heading", { name: "Connexion au pilotage territorial", level: 1 }).waitFor();
  await expectNoAxeViolations(page);
  await tabTo(page, (el) => el.tag === "input" && el.name === "email");
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
}

/** Loads barometer values as the national administration would, through the API. */
async function loadBarometerValues(page: Page) {
  const login = await page.request.post(`${server.url}/api/v1/pilotage/session`, { data: ADMIN });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const csv = [
    "indicateur;code_departement;annee;numerateur;denominateur",
    "EPP;69;2023;14000;20000",
    "EPP;75;2023;15000;20000",
    "EPP;971;2023;3000;4000",
    "EPP;69;2024;15000;20000",
  ].join("\n");
  const res = await page.request.post(`${server.url}/api/v1/pilotage/barometre/valeurs`, {
    data: { csv, source: "Fichier d'essai de bout en bout" },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(res.status()).toBe(201);
  await page.request.delete(`${server.url}/api/v1/pilotage/session`, { headers: { "x-csrf-token": csrfToken } });
}

/**
 * The steering side's messages (src/web/locales, those written in src/web/routes/pilotage) whose translation in
 * `code` differs from the French: none of these French texts may show on a page in that language.
 */
function frenchOnlyMessages(code: string): string[] {
  const read = (lang: string) => {
    const entries = new Map<string, { text: string; pilotage: boolean }>();
    const unquote = (lines: string) => [...lines.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]!}"`) as string).join("");
    for (const block of readFileSync(join(root, "src/web/locales", `${lang}.po`), "utf8").split(/\n\s*\n/)) {
      const m = /^msgid ((?:".*"\s*)+)msgstr ((?:".*"\s*)+)/m.exec(block);
      if (m) entries.set(unquote(m[1]!), { text: unquote(m[2]!), pilotage: block.includes("#: src/web/routes/pilotage/") });
    }
    return entries;
  };
  const translated = read(code);
  return [...read("fr")].filter(([id, { pilotage }]) => pilotage && !/[{}<]/.test(id) && translated.get(id)?.text !== id).map(([id]) => id);
}

/**
 * Fails on any French text of the steering side left in the page's main content. Data is not interface text: `data`
 * (an account's name, say) is taken out first, and one-word messages are left to the explicit checks, since region
 * names and project titles hold such words (« Nouvelle-Aquitaine », « Projet en liste »).
 */
async function expectNoFrenchLeft(page: Page, code: string, data: string[] = []) {
  let text = await page.locator("main").innerText();
  for (const d of data) text = text.replaceAll(d, "");
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const left = frenchOnlyMessages(code)
    .filter((id) => /\s/.test(id))
    .filter((id) => new RegExp(`(?<!\\p{L})${escape(id)}(?!\\p{L})`, "u").test(text));
  expect(left, `${code}: French left on ${page.url()}`).toEqual([]);
}

describe("Pilotage territorial", () => {
  it("an ARS agent logs in, creates a project and exports the yearly grid, with the keyboard only", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const year = Number(runToday().slice(0, 4));

    // A wrong password is refused in French, then the right one opens the projects of the region.
    await keyboardLogin(page, { email: AGENT.email, password: "pas le bon mot de passe" });
    await page.getByText("Adresse électronique ou mot de passe incorrect").waitFor();
    await page.locator('input[name="email"]').fill("");
    await keyboardLogin(page, AGENT);
    await page.getByRole("heading", { name: "Projets financés — Auvergne-Rhône-Alpes", level: 1 }).waitFor();
    await page.getByText("Aucun projet ne correspond à ces filtres.").waitFor();
    await expectNoAxeViolations(page);

    // New project, keyboard only.
    await tabTo(page, (el) => el.tag === "a" && el.text === "Nouveau projet");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Nouveau projet", level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, (el) => el.name === "title");
    await page.keyboard.type("Café des parents <b>itinérant</b>");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Association Les Premiers Pas");
    await tabTo(page, (el) => el.name === "departements" && el.label.startsWith("Rhône"));
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el.name === "themes" && el.label.startsWith("3."));
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el.name === "amounts.0.arsFir");
    await page.keyboard.type("45 000");
    await tabTo(page, (el) => el.name === "startDate");
    await page.keyboard.type(`0606${year}`); // day and month alike: whatever order the date field shows
    await tabTo(page, (el) => el.name === "publicSummary");
    await page.keyboard.type("Un café itinérant pour rompre l'isolement des jeunes parents.");
    await tabTo(page, (el) => el.tag === "button" && el.text === "Enregistrer le projet");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Café des parents <b>itinérant</b>", level: 1 }).waitFor();
    await page.getByText("Projet enregistré.").waitFor();
    // The text is shown as text, never as markup.
    expect(await page.locator("main h1 b").count()).toBe(0);
    await expectNoAxeViolations(page);

    // The yearly list: download the CSV with the keyboard.
    await tabTo(page, (el) => el.tag === "a" && el.text === "Liste des projets soutenus");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Liste des projets soutenus", level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, (el) => el.tag === "a" && el.text === `Télécharger la liste ${year} (CSV)`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe(`liste-projets-soutenus-${year}-region-84.csv`);
    const file = join(dataDir, "liste.csv");
    await download.saveAs(file);
    const csv = readFileSync(file, "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFannee;code_region;region;identifiant;intitule;structure_porteuse;siret;departements;thematiques;thematiques_libelles;ligne_financement;montant_ars_fir;montant_dreets_p304;montant_total;date_debut;date_fin;statut;evaluation;commentaire_evaluation;resume_public",
    );
    expect(csv).toContain(`${year};84;Auvergne-Rhône-Alpes;`);
    expect(csv).toContain(";Café des parents <b>itinérant</b>;Association Les Premiers Pas;;69;3;");
    expect(csv).toContain(`;ARS-FIR;45000;0;45000;${year}-06-06;;Lauréat;`);

    // The XLSX link serves a workbook too.
    const xlsx = await page.request.get(`${server.url}/api/v1/pilotage/liste-projets-soutenus.xlsx?year=${year}`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

    // The agent cannot reach the national pages.
    await page.goto(`${server.url}/pilotage/journal`);
    await page.getByText("Le journal est réservé à l'administration nationale.").waitFor();
    expect((await page.request.get(`${server.url}/api/v1/pilotage/journal`)).status()).toBe(403);

    // Logout: the session is gone on the server too.
    await tabTo(page, (el) => el.tag === "button" && el.text === "Se déconnecter");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Connexion au pilotage territorial", level: 1 }).waitFor();
    expect((await page.request.get(`${server.url}/api/v1/pilotage/projets`)).status()).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a national administrator computes an allocation, with the keyboard only, and sees the births year used", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await keyboardLogin(page, ADMIN);
    await page.getByRole("heading", { name: "Projets financés", level: 1 }).waitFor();
    // The ARS agent's project is there, with its region.
    await page.getByRole("link", { name: "Café des parents <b>itinérant</b>" }).waitFor();

    await tabTo(page, (el) => el.tag === "a" && el.text === "Répartition des crédits");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Répartition des crédits régionaux", level: 1 }).waitFor();
    await page.getByText("Table des naissances utilisée par défaut : 2022").waitFor();
    await page.getByText("Aucune répartition n'a encore été calculée").waitFor();
    await expectNoAxeViolations(page);

    await tabTo(page, (el) => el.name === "envelope");
    await page.keyboard.type("2 000 000");
    // A radio group is one Tab stop: the arrow keys choose within it.
    await tabTo(page, (el) => el.name === "volet");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator('input[name="volet"][value="social"]').isChecked()).toBe(true);
    await tabTo(page, (el) => el.tag === "button" && el.text === "Cocher les 18 régions");
    await page.keyboard.press("Enter");
    await tabTo(page, (el) => el.tag === "button" && el.text === "Calculer la répartition");
    await page.keyboard.press("Enter");
    await page.getByText("Répartition calculée et enregistrée").waitFor();
    const section = page.getByRole("region", { name: /Répartition 2023, volet social/ });
    await section.getByText("Naissances utilisées : 2022").waitFor();
    await section.getByText(/se fonde sur les naissances de 2021/).waitFor();
    const totals = await section.locator("tbody tr td:last-child").allInnerTexts();
    expect(totals).toHaveLength(18);
    const sum = totals.map((t) => Number(t.replace(/\D/g, ""))).reduce((a, b) => a + b, 0);
    expect(sum).toBe(2_000_000);
    expect(await section.locator("tfoot td:last-child").innerText()).toMatch(/2\s000\s000\s€/);
    await expectNoAxeViolations(page);

    // An envelope smaller than the fixed parts: a French error, nothing stored.
    await page.locator('input[name="envelope"]').fill("100");
    await page.getByRole("button", { name: "Calculer la répartition" }).click();
    await page.getByText(/inférieure aux parts fixes : 18 régions × 30 000 €/).waitFor();

    // Barometer: nothing loaded, the page says so (no invented figure); the public page too.
    await page.goto(`${server.url}/pilotage/barometre`);
    await page.getByRole("heading", { name: "Baromètre EPP / EPNP", level: 1 }).waitFor();
    await page.getByText("Aucune donnée chargée").waitFor();
    await expectNoAxeViolations(page);

    // The other national pages: audit log (with the ARS agent's creation), accounts, import.
    await page.goto(`${server.url}/pilotage/journal`);
    await page.getByText(`Création du projet`).first().waitFor();
    await page.getByText(`par ${AGENT.email}`).first().waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/pilotage/comptes`);
    await page.getByRole("cell", { name: AGENT.email }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/pilotage/import`);
    await page.getByRole("heading", { name: "Importer la grille des projets", level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the public barometer shows loaded values with the map, the sortable table and the trend, and flags nothing as fictitious", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await loadBarometerValues(page);

    await page.goto(`${server.url}/barometre`);
    await page.getByRole("heading", { name: "Baromètre des entretiens prénatal et postnatal précoces", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Tendance nationale EPP" }).waitFor();
    expect(await page.getByText("Données fictives").count()).toBe(0);
    await page.getByRole("img", { name: /Carte de France par département/ }).waitFor();
    await expectNoAxeViolations(page);
    const table = page.getByRole("table", { name: /1 département avec une valeur en 2024/ });
    await table.waitFor();
    // Sort by rate with the keyboard.
    await page.getByRole("combobox", { name: "Année du détail par département" }).selectOption("2023");
    const table2023 = page.getByRole("table", { name: /3 départements avec une valeur en 2023/ });
    await table2023.waitFor();
    await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Taux"));
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    expect(await table2023.locator("th[aria-sort]").innerText()).toContain("Taux");
    expect(await table2023.locator("th[aria-sort]").getAttribute("aria-sort")).toBe("descending");
    expect(await table2023.locator("tbody th").allInnerTexts()).toEqual(["Paris", "Guadeloupe", "Rhône"]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the project list comes page by page (DSFR pagination, keyboard), with the counts of the whole list", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const login = await page.request.post(`${server.url}/api/v1/pilotage/session`, { data: ADMIN });
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const header =
      "annee;code_region;identifiant;intitule;structure_porteuse;siret;departements;thematiques;ligne_financement;montant_ars_fir;montant_dreets_p304;date_debut;date_fin;statut;evaluation;resume_public";
    const rows = Array.from(
      { length: 60 },
      (_, i) => `2024;11;;Projet en liste n° ${String(i + 1).padStart(2, "0")};Association exemple;;75;3;ARS-FIR;1 000;;2024-01-15;;En cours;;Résumé public.`,
    );
    const imported = await page.request.post(`${server.url}/api/v1/pilotage/projets/import`, {
      data: { csv: [header, ...rows].join("\n") },
      headers: { "x-csrf-token": csrf },
    });
    expect(imported.status()).toBe(200);
    const total = ((await (await page.request.get(`${server.url}/api/v1/pilotage/projets?limit=1`)).json()) as { total: number }).total;
    expect(total).toBeGreaterThanOrEqual(60);

    await page.goto(`${server.url}/pilotage`);
    await page.getByRole("heading", { name: "Projets financés", level: 1 }).waitFor();
    await page.getByText(`Projets 1 à 50 sur ${total}`).waitFor();
    expect(await page.locator("table").first().locator("tbody tr").count()).toBe(50);
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    expect(await pagination.getByRole("link", { name: "2", exact: true }).getAttribute("href")).toBe("/pilotage?page=2");
    await expectNoAxeViolations(page);

    await tabTo(page, (el) => el.tag === "a" && el.text === "Page suivante", 200);
    await page.keyboard.press("Enter");
    await page.getByText(`Projets 51 à ${total} sur ${total}`).waitFor();
    expect(new URL(page.url()).search).toBe("?page=2");
    expect(await page.locator("table").first().locator("tbody tr").count()).toBe(total - 50);
    expect(await pagination.locator('[aria-current="true"]').innerText()).toBe("2");
    await expectNoAxeViolations(page);

    // A filter brings the list back to its first page.
    await page.locator('select[name="region"]').selectOption("11");
    await page.getByText("Projets 1 à 50 sur 60").waitFor();
    expect(new URL(page.url()).search).toBe("?region=11");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("Pilotage territorial in other languages (issue 14)", () => {
  it("the public barometer in English and in Arabic on a phone: translated, right-to-left in Arabic, no overflow, axe clean", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await loadBarometerValues(page);
    const expected = {
      en: {
        title: "Barometer of the early prenatal and postnatal interviews",
        button: "Early prenatal interview (EPP)",
        legend: "Map legend",
        rateClass: "80% or more", // 2024 has no national target: the map shows the rates
        headers: ["Code", "Département", "Region", "Rate", "Target", "Gap (points)", "Numerator / denominator"],
        caption: "1 département with a value in 2024",
      },
      ar: {
        title: "مؤشر المقابلات المبكرة قبل الولادة وبعدها",
        button: "المقابلة المبكرة قبل الولادة (EPP)",
        legend: "مفتاح الخريطة",
        rateClass: "80٪ أو أكثر",
        headers: ["الرمز", "المقاطعة", "المنطقة", "المعدل", "الهدف", "الفارق (نقاط)", "البسط / المقام"],
        caption: "ذات قيمة في",
      },
    };
    for (const code of ["en", "ar"] as const) {
      const locale = locales.find((l) => l.code === code)!;
      const want = expected[code];
      await page.goto(`${server.url}${locale.prefix}/barometre`);
      await page.getByRole("heading", { name: want.title, level: 1 }).waitFor();
      await page.getByRole("button", { name: want.button }).waitFor();
      const table = page.getByRole("table", { name: new RegExp(want.caption) });
      await table.waitFor();
      const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.replace(/[▲▼]/g, "").trim());
      expect(headers).toEqual(want.headers);
      const legend = page.getByRole("list", { name: want.legend });
      await legend.getByText(want.rateClass, { exact: true }).waitFor();
      const seen = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      expect(seen).toMatchObject({ lang: locale.lang, dir: locale.dir });
      expect(seen.overflow, `${code}: horizontal overflow`).toBeLessThanOrEqual(0);
      await expectNoFrenchLeft(page, code);
      await expectNoAxeViolations(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
  it("the back office in English: sign-in page, then the projects list with its navigation, filters and tables, nothing left in French", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    // One project « En cours » in the registry, imported as a region would.
    const login = await page.request.post(`${server.url}/api/v1/pilotage/session`, { data: ADMIN });
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const grid = [
      "annee;code_region;identifiant;intitule;structure_porteuse;siret;departements;thematiques;ligne_financement;montant_ars_fir;montant_dreets_p304;date_debut;date_fin;statut;evaluation;resume_public",
      "2024;84;;Projet en anglais;Association exemple;;69;3;ARS-FIR;1 000;;2024-01-15;;En cours;;Résumé public.",
    ].join("\n");
    const imported = await page.request.post(`${server.url}/api/v1/pilotage/projets/import`, { data: { csv: grid }, headers: { "x-csrf-token": csrf } });
    expect(imported.status()).toBe(200);
    await page.request.delete(`${server.url}/api/v1/pilotage/session`, { headers: { "x-csrf-token": csrf } });
    await page.goto(`${server.url}/en/pilotage`);
    await page.getByRole("heading", { name: "Sign in to territorial steering", level: 1 }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["en", "ltr"]);
    await expectNoFrenchLeft(page, "en");
    await expectNoAxeViolations(page);
    await page.getByLabel("Work email address").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    await page.getByRole("heading", { name: "Funded projects", level: 1 }).waitFor();
    const nav = page.getByRole("navigation", { name: "Territorial steering" });
    expect(await nav.getByRole("link").allInnerTexts()).toEqual([
      "Projects",
      "List of supported projects",
      "Import the grid",
      "Allocation of credits",
      "EPP / EPNP barometer",
      "Log",
      "Accounts",
      "Call-back services",
    ]);
    await page.getByRole("combobox", { name: "Funder" }).waitFor();
    const table = page.getByRole("table", { name: /^Projects 1 to \d+ of \d+$/ });
    await table.waitFor();
    expect(await table.locator("thead th").allInnerTexts()).toEqual(["Title", "Region", "Themes", "Funding", "Status", "Amount"]);
    // The domain's labels (status, funding line, themes) are shown in English, never the registry's French words.
    await table.getByRole("cell", { name: "Ongoing" }).first().waitFor();
    await page.getByRole("table", { name: "Totals by theme (a project with several themes counts in each)" }).waitFor();
    await expectNoFrenchLeft(page, "en", ["Administration nationale"]); // the signed-in account's name
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("Baromètre de démonstration", () => {
  it("shows the « données fictives » banner on every barometer page when the demo set is loaded", async () => {
    const demoDir = newDataDir("mille-jours-demo-");
    expect(runCli(demoDir, "src/cli/demo-barometre.ts", [])).toContain("valeurs FICTIVES chargées");
    const demo = await startServer({ dataDir: demoDir });
    try {
      const { context, page, problems } = await newPhonePage(browser);
      await page.goto(`${demo.url}/barometre`);
      await page.getByRole("heading", { name: "Données fictives" }).waitFor();
      await page.getByText(/jeu de démonstration inventé/).waitFor();
      await page.getByText(/DONNÉES FICTIVES de démonstration/).waitFor();
      await page.getByRole("img", { name: /Carte de France par département/ }).waitFor();
      expect(await page.locator(".mj-map path").count()).toBe(101 + 4); // + Paris and its inner ring, enlarged
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Entretien postnatal précoce (EPNP)" }).click();
      await page.getByRole("heading", { name: "Tendance nationale EPNP" }).waitFor();
      await page.getByRole("heading", { name: "Données fictives" }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await demo.stop();
      rmSync(demoDir, { recursive: true, force: true });
    }
  }, 240_000); // its own data folder and server: a server start alone can take a minute on a loaded machine
});
