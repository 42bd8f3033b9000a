import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import fr from "../../content/epds/fr.json";
import { clickLabel, expectNoAxeViolations, launchBrowser, newContext, newDataDir, newPhonePage, type RunningServer, startServer, tabTo } from "./support.js";

/**
 * Call-back after the EPDS (issue 17), end to end, on the real server with a real SMTP server on this machine:
 * a parent (phone) asks to be called back → the département's service is told by e-mail (without any personal
 * data) → its agent sees the request, marks it contacted then closed → once the retention delay has passed the
 * request is gone; an agent of another département never sees it; the parent cancels another request; a commune
 * without a service shows the help lines instead of the form. Accounts are made as an operator does
 * (`npm run admin:create` for the first, the back office's API for the others), the service is enabled by the national administrator in the back office.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN = { email: "admin@sante.gouv.fr", password: "phrase de passe nationale 2026" };
const PMI_69 = { email: "pmi@rhone.fr", password: "phrase de passe du Rhône 69", name: "Agent PMI Rhône" };
const PMI_13 = { email: "pmi@departement13.fr", password: "phrase de passe des Bouches 13", name: "Agent PMI Bouches-du-Rhône" };
const SERVICE_MAILBOX = "rappels@pmi-rhone.example";
/** Closed requests are deleted after this many days: here a few seconds, with the purge job running often. */
const CLOSED_RETENTION_DAYS = String(3 / 86_400);

function createAccount(dataDir: string, password: string, args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/admin-create.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    input: `${password}\n`,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`admin-create a échoué : ${run.stderr}`);
  return run.stdout;
}

interface Mail {
  to: string[];
  raw: string;
}

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let smtp: SMTPServer;
const mails: Mail[] = [];

beforeAll(async () => {
  // A real SMTP server on a free local port; it keeps each message as received (headers and body).
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  dataDir = newDataDir("mille-jours-rappel-");
  createAccount(dataDir, ADMIN.password, ["--email", ADMIN.email, "--nom", "Administration nationale"]);
  server = await startServer({
    dataDir,
    env: {
      CALLBACK_KEYS: `k1:${randomBytes(32).toString("base64")}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      CALLBACK_CLOSED_RETENTION_DAYS: CLOSED_RETENTION_DAYS,
      CALLBACK_PURGE_INTERVAL_MINUTES: String(1 / 60),
      CALLBACK_RATE_PHONE_MAX: "1",
    },
  });
  browser = await launchBrowser();
  // The two départements' accounts, made by the national administrator (one command started is enough).
  const admin = await newContext(browser);
  const login = await admin.request.post(`${server.url}/api/v1/pilotage/session`, { data: ADMIN });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  for (const [agent, departement] of [
    [PMI_69, "69"],
    [PMI_13, "13"],
  ] as const) {
    const created = await admin.request.post(`${server.url}/api/v1/pilotage/comptes`, {
      data: { email: agent.email, displayName: agent.name, role: "departemental", departement, password: agent.password },
      headers: { "x-csrf-token": csrfToken },
    });
    expect(created.status()).toBe(201);
  }
  await admin.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(page: Page, account: { email: string; password: string }) {
  await page.goto(`${server.url}/pilotage`);
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Answers the 10 questions with the options worth these points (a total of 14, nothing on item 10). */
async function answerEpds(page: Page, pointsPerItem: number[]) {
  for (const [i, item] of fr.items.entries()) {
    await page.getByText(`Question ${i + 1} sur 10`).waitFor();
    const index = item.options.findIndex((o) => o.points === pointsPerItem[i]);
    await page.locator("form.mj-epds .fr-radio-group label").nth(index).click();
    await page.getByRole("button", { name: i === 9 ? "Voir le résultat" : "Suivant" }).click();
  }
}

/** Fills and checks the form, then sends from the recap; returns the request body the browser sent. */
async function fillForm(page: Page, fields: { name: string; phone: string; moment: string; share: boolean }) {
  await page.locator('input[name="name"]').fill(fields.name);
  await page.locator('input[name="phone"]').fill(fields.phone);
  await clickLabel(page, fields.moment);
  if (fields.share) await clickLabel(page, "Partager mon résultat");
  await clickLabel(page, "J'accepte que ma demande soit envoyée");
  await page.getByRole("button", { name: "Vérifier ma demande" }).click();
  await page.getByRole("heading", { name: "Vérifiez ce qui sera envoyé", level: 2 }).waitFor();
}

async function chooseCommune(page: Page, text: string) {
  await page.locator('input[name="rappel-commune"]').fill(text);
  await page.getByRole("button", { name: "Continuer" }).click();
}

describe("Rappel après le questionnaire EPDS", () => {
  // One dense journey (three people, two départements): longer than the default timeout on a loaded machine.
  it(
    "a parent asks to be called back, the département's service handles it, then it is deleted; another département never sees it",
    { timeout: 240_000 },
    async () => {
      // The national administrator enables the Rhône's service (département 69).
      const admin = await newContext(browser, { locale: "fr-FR", timezoneId: "Europe/Paris" });
      const adminPage = await admin.newPage();
      await login(adminPage, ADMIN);
      await adminPage.getByRole("link", { name: "Services de rappel" }).click();
      await adminPage.getByRole("heading", { name: "Services de rappel", level: 1 }).waitFor();
      await adminPage.getByText("Aucun service n'est encore configuré.").waitFor();
      await expectNoAxeViolations(adminPage);
      await adminPage.locator('select[name="departement"]').selectOption("69");
      await adminPage.locator('input[name="name"]').fill("PMI du Rhône");
      await adminPage.locator('input[name="email"]').fill("pas une adresse");
      await adminPage.locator('input[name="openingHours"]').fill("du lundi au vendredi, de 9 h à 17 h");
      await adminPage.locator('input[name="responseDelayHours"]').fill("48");
      await adminPage.getByRole("button", { name: "Enregistrer le service" }).click();
      await adminPage.getByText("Adresse électronique invalide.").first().waitFor();
      await adminPage.locator('input[name="email"]').fill(SERVICE_MAILBOX);
      await adminPage.getByRole("button", { name: "Enregistrer le service" }).click();
      await adminPage.getByText("Service de Rhône enregistré et activé.").waitFor();
      await adminPage.getByRole("cell", { name: "du lundi au vendredi, de 9 h à 17 h" }).waitFor();
      await admin.close();

      // The parent, on a phone: EPDS total 14 (band « élevé »), no point on item 10.
      const { context: parent, page, problems } = await newPhonePage(browser);
      const apiCalls: { method: string; url: string; body: string | null }[] = [];
      // Every API call that reached the server but the content bundle (which any page loads): the result page must ask nothing.
      page.on(
        "requestfinished",
        (r) => r.url().includes("/api/") && !r.url().includes("/api/v1/content") && apiCalls.push({ method: r.method(), url: r.url(), body: r.postData() }),
      );
      await page.goto(`${server.url}/post-partum`);
      await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
      await answerEpds(page, [2, 2, 2, 2, 2, 2, 1, 1, 0, 0]);
      await page.getByRole("heading", { name: "Résultat du questionnaire", level: 1 }).waitFor();
      await page.getByText("Score : 14 sur 30").waitFor();
      // The offer comes first (no safety panel at this score), and the result page asked nothing of the server.
      expect(await page.locator("main h2").first().innerText()).toBe("Parler à quelqu'un de votre département");
      expect(apiCalls).toEqual([]);
      await expectNoAxeViolations(page);
      await page.getByRole("link", { name: "Je souhaite être rappelé(e)" }).click();

      // The commune first: the département's coverage is asked, nothing else.
      await page.getByRole("heading", { name: "Être rappelé(e) par un professionnel", level: 1 }).waitFor();
      await expectNoAxeViolations(page);
      await chooseCommune(page, "Lyon");
      await page.getByRole("heading", { name: "Votre demande", level: 2 }).waitFor();
      // Playwright reports a request finished once it has all of its answer's details, which can be after the page has
      // used the answer: polled.
      await expect
        .poll(() => apiCalls.map((c) => `${c.method} ${new URL(c.url).pathname}${new URL(c.url).search}`))
        .toEqual(["GET /api/v1/rappel/couverture?departement=69"]);
      await page.getByText("Service qui vous rappellera : PMI du Rhône").waitFor();
      // What sharing the result sends is said before it is chosen; the consent text says who, what for, until when.
      await page.getByText(/Seront envoyés : « Score élevé : à évaluer rapidement avec un professionnel » et la date du questionnaire/).waitFor();
      await page.getByText(/Qui la lit :/).waitFor();
      // The delays are the server's settings (here 3 seconds after closing, shown as a whole day; 90 days by default).
      await page
        .getByText(/Quand elle est effacée : automatiquement 1 jour après que le service l'a close, et au plus tard 90 jours après l'envoi\./)
        .waitFor();
      await expectNoAxeViolations(page);

      // Nothing filled: the error summary, in French, takes the focus; nothing was sent.
      await page.getByRole("button", { name: "Vérifier ma demande" }).click();
      await page.getByText("4 informations sont à corriger").waitFor();
      for (const message of [
        "Indiquez un prénom ou un pseudonyme.",
        "Choisissez au moins un moment pour être rappelé(e).",
        "Votre accord est nécessaire pour envoyer la demande.",
      ])
        await page.getByRole("listitem").filter({ hasText: message }).first().waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/informations sont à corriger/);
      await fillForm(page, { name: "Camille", phone: "06 12 34 56 78", moment: "Le matin", share: true });
      const recap = await page.getByTestId("recapitulatif").innerText();
      expect(recap).toContain("Camille");
      expect(recap).toContain("06 12 34 56 78");
      expect(recap).toContain("Le matin");
      expect(recap).toContain("Lyon");
      expect(recap).toMatch(/Score élevé.*sans vos réponses/);
      expect(apiCalls.filter((c) => c.method !== "GET")).toEqual([]);
      await expectNoAxeViolations(page);

      // Offline: nothing leaves, the recap stays, the parent is told it will not be sent by itself.
      await parent.setOffline(true);
      await page.getByRole("button", { name: "Envoyer ma demande" }).click();
      await page.getByText(/Vous êtes hors ligne : votre demande n'a pas été envoyée, et elle ne partira pas toute seule/).waitFor();
      await parent.setOffline(false);
      await page.getByRole("button", { name: "Envoyer ma demande" }).click();
      await page.getByRole("heading", { name: "Votre demande est envoyée", level: 2 }).waitFor();
      await page.getByText(/PMI du Rhône vous appellera au 06 12 34 56 78 d'ici le/).waitFor();
      await page.getByText(/délai annoncé : 2 jours/).waitFor();
      expect(await page.locator('a[href="tel:3114"]').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      // Exactly the recap went out: the band and the date, never the answers or the score (the request's end is reported
      // by Playwright when it has all of its details, possibly after the page shows the answer: polled).
      await expect.poll(() => apiCalls.filter((c) => c.method === "POST")).toHaveLength(1);
      const posted = apiCalls.filter((c) => c.method === "POST");
      const body = JSON.parse(posted[0]!.body!) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(["commune", "consent", "moments", "name", "phone", "sharedResult"]);
      expect(body).toMatchObject({ name: "Camille", phone: "0612345678", moments: ["matin"], commune: "69123", consent: true });
      expect(Object.keys(body.sharedResult as object).sort()).toEqual(["band", "date"]);
      expect(posted[0]!.body).not.toMatch(/14|answers|reponses/);

      // The service's mailbox is told, with no personal data in the message.
      await expect.poll(() => mails.length, { timeout: 30_000 }).toBe(1);
      expect(mails[0]!.to).toEqual([SERVICE_MAILBOX]);
      for (const personal of ["Camille", "0612345678", "06 12 34 56 78", "Lyon", "69123", "élevé", "matin"]) expect(mails[0]!.raw).not.toContain(personal);
      expect(mails[0]!.raw).toMatch(/nouvelle demande vous attend/);

      // Back on the post-partum page, the pending request is shown, cancellable.
      await page.getByRole("link", { name: "Retour à la page post-partum" }).click();
      await page.getByRole("heading", { name: "Votre demande de rappel", level: 2 }).waitFor();
      await page.getByTestId("demande-de-rappel").getByText("PMI du Rhône").waitFor();

      // Another département's agent: an empty inbox, and the request's address answers « not found ».
      const other = await newContext(browser, { locale: "fr-FR", timezoneId: "Europe/Paris" });
      const otherPage = await other.newPage();
      await login(otherPage, PMI_13);
      await otherPage.getByRole("heading", { name: /Demandes de rappel — Bouches-du-Rhône/, level: 1 }).waitFor();
      await otherPage.getByRole("heading", { name: "Nouvelles demandes (0)" }).waitFor();

      // The Rhône's agent: the request is in the inbox; opening it shows the phone and records the reading.
      const agent = await newContext(browser, { locale: "fr-FR", timezoneId: "Europe/Paris" });
      const agentPage = await agent.newPage();
      await login(agentPage, PMI_69);
      await agentPage.getByRole("heading", { name: /Demandes de rappel — Rhône/, level: 1 }).waitFor();
      await agentPage.getByRole("heading", { name: "Nouvelles demandes (1)" }).waitFor();
      await expectNoAxeViolations(agentPage);
      await agentPage.getByRole("link", { name: "Camille" }).click();
      await agentPage.getByRole("heading", { name: "Demande de rappel — Camille", level: 1 }).waitFor();
      const requestUrl = agentPage.url();
      await agentPage.getByRole("link", { name: "06 12 34 56 78" }).waitFor();
      await agentPage.getByText(/Score élevé : à évaluer rapidement avec un professionnel \(questionnaire du/).waitFor();
      await agentPage
        .getByTestId("historique")
        .getByText(new RegExp(`Consultée — .*, par ${PMI_69.name}`))
        .waitFor();
      await expectNoAxeViolations(agentPage);

      // The other département cannot open it either.
      const id = requestUrl.split("/").at(-1)!;
      expect((await otherPage.request.get(`${server.url}/api/v1/pilotage/rappels/${id}`)).status()).toBe(404);
      await otherPage.goto(requestUrl);
      await otherPage.getByRole("link", { name: "Retour aux demandes" }).waitFor();
      expect(await otherPage.getByText("Camille").count()).toBe(0);
      await other.close();

      // Contacted, then closed: unreachable after 3 tries; each step in the history, by whom.
      await agentPage.getByRole("button", { name: "Marquer comme contactée" }).click();
      await agentPage.getByText("Demande marquée contactée.").waitFor();
      await agentPage
        .getByTestId("historique")
        .getByText(new RegExp(`Marquée contactée — .*, par ${PMI_69.name}`))
        .waitFor();
      await agentPage.getByRole("button", { name: "Clôturer la demande" }).click();
      await agentPage.getByText("Indiquez l'issue pour clôturer : personne jointe, injoignable ou orientée.").first().waitFor();
      await clickLabel(agentPage, "Injoignable");
      await agentPage.locator('input[name="attempts"]').fill("3");
      await agentPage.getByRole("button", { name: "Clôturer la demande" }).click();
      await agentPage.getByText("Demande clôturée.").waitFor();
      await agentPage.getByText("Clôturée — Injoignable après 3 tentatives").waitFor();
      await agentPage
        .getByTestId("historique")
        .getByText(new RegExp(`Clôturée — .*, par ${PMI_69.name}`))
        .waitFor();
      // One opening, one reading in the history: a change shows its own answer, it does not read the request again.
      expect((await agentPage.getByTestId("historique").locator("li strong").allInnerTexts()).map((t) => t.trim())).toEqual([
        "Demande reçue",
        "Consultée",
        "Marquée contactée",
        "Clôturée",
      ]);
      await expectNoAxeViolations(agentPage);

      // After the (shortened) retention delay the retention job deletes it: the inbox no longer lists it.
      await agentPage.getByRole("link", { name: "Demandes de rappel" }).click();
      await expect
        .poll(
          async () => {
            await agentPage.getByRole("button", { name: "Actualiser" }).click();
            return agentPage.getByRole("link", { name: "Camille" }).count();
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe(0);
      await agentPage.getByRole("heading", { name: "Clôturées (0)" }).waitFor();
      expect((await agentPage.request.get(`${server.url}/api/v1/pilotage/rappels/${id}`)).status()).toBe(404);

      // The parent's second request (another moment) is cancelled from the post-partum page: the service never sees it.
      await page.goto(`${server.url}/post-partum/rappel`);
      await chooseCommune(page, "69003");
      await page.getByRole("heading", { name: "Votre demande", level: 2 }).waitFor();
      await fillForm(page, { name: "Alex", phone: "+33 7 11 22 33 44", moment: "En début de soirée", share: false });
      expect(await page.getByTestId("recapitulatif").innerText()).toContain("Non partagé");
      await page.getByRole("button", { name: "Envoyer ma demande" }).click();
      await page.getByRole("heading", { name: "Votre demande est envoyée", level: 2 }).waitFor();
      await page.goto(`${server.url}/post-partum`);
      await page.getByTestId("demande-de-rappel").first().waitFor();
      await page.getByTestId("demande-de-rappel").first().getByRole("button", { name: "Annuler ma demande" }).click();
      await page.getByRole("button", { name: "Oui, annuler ma demande" }).click();
      await page.getByText("Votre demande est annulée : elle a été effacée, le service ne vous appellera pas.").waitFor();
      await agentPage.getByRole("button", { name: "Actualiser" }).click();
      await agentPage.getByRole("heading", { name: "Nouvelles demandes (0)" }).waitFor();
      expect(await agentPage.getByRole("link", { name: "Alex" }).count()).toBe(0);
      await agent.close();

      // Keyboard only, a name several communes share: moving through the choices chooses none of them (a radio group
      // chose the next commune on an arrow key); the one activated is the one taken.
      await page.goto(`${server.url}/post-partum/rappel`);
      await page.getByRole("heading", { name: "Où habitez-vous ?", level: 2 }).waitFor();
      await tabTo(page, (el) => el.name === "rappel-commune");
      await page.keyboard.type("Saint-Denis");
      await page.keyboard.press("Enter");
      await page.getByText("Plusieurs communes correspondent à « Saint-Denis » : laquelle est la vôtre ?").waitFor();
      await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Saint-Denis, La Réunion"));
      await page.keyboard.press("ArrowDown");
      await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Saint-Denis, Seine-Saint-Denis (93)"));
      expect(await page.getByRole("heading", { name: "Où habitez-vous ?", level: 2 }).count()).toBe(1);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Pas encore de rappel dans votre département", level: 2 }).waitFor();
      await page.getByText(/dans le département Seine-Saint-Denis \(93\)/).waitFor();

      // A commune whose département has no service: said before any form, with the help lines and places near it.
      await page.goto(`${server.url}/post-partum/rappel`);
      await chooseCommune(page, "Marseille");
      await page.getByRole("heading", { name: "Pas encore de rappel dans votre département", level: 2 }).waitFor();
      expect(await page.locator('input[name="phone"]').count()).toBe(0);
      expect(await page.locator('a[href="tel:3114"]').count()).toBeGreaterThan(0);
      expect(await page.locator('a[href="tel:0800003456"]').count()).toBeGreaterThan(0);
      const places = new URL((await page.getByRole("link", { name: "Les lieux près de Marseille" }).getAttribute("href")) ?? "", server.url);
      expect(places.pathname).toBe("/autour-de-moi");
      expect(places.searchParams.get("lieu")).toMatch(/^Marseille/);
      expect(Number(places.searchParams.get("lat"))).toBeCloseTo(43.3, 0);
      await expectNoAxeViolations(page);

      // The same number again (one request per number and per day here): refused, with the wait in hours, not in
      // thousands of minutes; the help lines are right there.
      await page.goto(`${server.url}/post-partum/rappel`);
      await chooseCommune(page, "Lyon");
      await page.getByRole("heading", { name: "Votre demande", level: 2 }).waitFor();
      await fillForm(page, { name: "Camille", phone: "06 12 34 56 78", moment: "Le matin", share: false });
      await page.getByRole("button", { name: "Envoyer ma demande" }).click();
      await page.getByText(/celle-ci n'a pas été envoyée\. Réessayez dans 24 heures\./).waitFor();
      expect(await page.getByRole("heading", { name: "Votre demande est envoyée" }).count()).toBe(0);

      // The service turned off between the commune step and « Envoyer »: the parent is told the request did not leave.
      await page.goto(`${server.url}/post-partum/rappel`);
      await chooseCommune(page, "Lyon");
      await page.getByRole("heading", { name: "Votre demande", level: 2 }).waitFor();
      await fillForm(page, { name: "Sam", phone: "06 98 76 54 32", moment: "Le midi", share: false });
      const off = await newContext(browser);
      const session = await off.request.post(`${server.url}/api/v1/pilotage/session`, { data: ADMIN });
      const service = {
        name: "PMI du Rhône",
        email: SERVICE_MAILBOX,
        openingHours: "du lundi au vendredi, de 9 h à 17 h",
        responseDelayHours: 48,
        enabled: false,
      };
      const disabled = await off.request.put(`${server.url}/api/v1/pilotage/services-rappel/69`, {
        data: service,
        headers: { "x-csrf-token": ((await session.json()) as { csrfToken: string }).csrfToken },
      });
      expect(disabled.status()).toBe(200);
      await off.close();
      await page.getByRole("button", { name: "Envoyer ma demande" }).click();
      await page.getByRole("heading", { name: "Pas encore de rappel dans votre département", level: 2 }).waitFor();
      await page.getByText("Votre demande n'a pas été envoyée : le service de votre département ne prend plus de demandes pour le moment.").waitFor();

      expect(problems).toEqual([]);
      await parent.close();
    },
  );
});
