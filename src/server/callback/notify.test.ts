import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { callbackTestApp, createTestAccount, testDatabases, testKeyring } from "./test-support.js";
import { NOTICE_SUBJECT, smtpNotifier } from "./notify.js";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a free local port; each message received resolves the next waiter. */
async function startSmtp() {
  const received: Received[] = [];
  const waiters: ((m: Received) => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const message = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        };
        received.push(message);
        waiters.shift()?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next: () => new Promise<Received>((resolve) => waiters.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testDatabases)("call-back notice by e-mail on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    db = await open();
    await migrate(db);
    const notifier = smtpNotifier(smtp.url, "Mille Jours <ne-pas-repondre@1000jours.example.fr>", new URL("https://1000jours.example.fr"));
    app = await callbackTestApp(db, {}, { keyring: testKeyring(), notifier });
    await db.query(
      "INSERT INTO callback_service (departement, name, email, opening_hours, response_delay_hours, enabled, updated_at, updated_by) VALUES ('69', 'PMI du Rhône', 'accueil.pmi@rhone.example.fr', '9 h – 17 h', 48, true, now(), 'test')",
    );
    await createTestAccount(db, { email: "agent@pmi69.fr", displayName: "PMI 69", role: "departemental", departement: "69" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await smtp?.close();
  });

  it("tells the service's mailbox that a request waits, with no personal data at all", async () => {
    const arrived = smtp.next();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/rappel/demandes",
      payload: {
        name: "Anaïs-Prudence",
        phone: "06 47 58 69 70",
        moments: ["apres-midi"],
        commune: "69381",
        sharedResult: { band: "eleve", date: "2026-11-30" },
        consent: true,
      },
    });
    expect(res.statusCode).toBe(201);
    const message = await arrived;
    expect(message.to).toEqual(["accueil.pmi@rhone.example.fr"]);
    expect(message.from).toBe("ne-pas-repondre@1000jours.example.fr");
    const text = message.data.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(message.data).toContain("Subject: Mille Jours : une nouvelle demande vous attend\r\n");
    expect(text).toContain("Une nouvelle demande vous attend sur Mille Jours.");
    expect(text).toContain("https://1000jours.example.fr/pilotage/rappels");
    for (const personal of [
      "Anaïs",
      "Anaïs",
      "Prudence",
      "0647586970",
      "06 47",
      "47 58 69 70",
      "69381",
      "Lyon",
      "eleve",
      "élevé",
      "2026-11-30",
      "apres-midi",
      "après-midi",
      res.json().id,
      res.json().cancelToken,
    ])
      for (const seen of [message.data, text]) expect(seen, personal).not.toContain(personal);
    expect(message.data).toMatch(/Content-Transfer-Encoding: (quoted-printable|7bit)/); // readable as checked above, not base64
    expect(NOTICE_SUBJECT).toBe("Mille Jours : une nouvelle demande vous attend");
  });

  it("when the SMTP server is down, the request is still accepted and waits in the inbox", async () => {
    const down = await startSmtp();
    await down.close();
    const db2 = db;
    const app2 = await callbackTestApp(db2, {}, { keyring: testKeyring(), notifier: smtpNotifier(down.url, "Mille Jours <a@b.fr>", null) });
    try {
      const res = await app2.inject({
        method: "POST",
        url: "/api/v1/rappel/demandes",
        payload: { name: "Noé", phone: "0611111111", moments: ["matin"], commune: "69123", consent: true },
      });
      expect(res.statusCode).toBe(201);
      expect(await db.query("SELECT 1 FROM callback_request WHERE id = $1", [res.json().id])).toHaveLength(1);
    } finally {
      await app2.close(); // waits for the failed send (logged), does not throw
    }
  });
});
