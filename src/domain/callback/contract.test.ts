import { describe, expect, it } from "vitest";
import { coverageQuerySchema, newCallbackRequestSchema, normalisePhone, statusChangeSchema } from "./contract.js";

const valid = { name: "Léa", phone: "06 12 34 56 78", moments: ["matin"], commune: "69123", consent: true };

describe("normalisePhone", () => {
  it.each([
    ["06 12 34 56 78", "0612345678"],
    ["06.12.34.56.78", "0612345678"],
    ["+33 6 12 34 56 78", "0612345678"],
    ["0033612345678", "0612345678"],
    ["+262 692 12 34 56", "0692123456"],
    ["01-23-45-67-89", "0123456789"],
    ["09 70 00 00 00", "0970000000"],
    ["+33 (0)6 12 34 56 78", "0612345678"],
    ["0033 (0)1 23 45 67 89", "0123456789"],
    ["+590 (0)690 12 34 56", "0690123456"],
  ])("%s → %s", (raw, expected) => expect(normalisePhone(raw)).toBe(expected));

  it.each([
    "0812345678",
    "612345678",
    "+44 20 7946 0958",
    "06 12 34 56",
    "06123456789",
    "abc",
    "",
    "+33 (1)6 12 34 56 78",
    "+33 00 6 12 34 56 78",
    "０６１２３４５６７８",
    "06 12 34 56 78 ; 07 12 34 56 78",
  ])("refuses %s", (raw) => expect(normalisePhone(raw)).toBeNull());
});

describe("newCallbackRequestSchema", () => {
  it("accepts the minimal request and normalises phone and commune", () => {
    const r = newCallbackRequestSchema.parse({ ...valid, commune: "2a004", sharedResult: { band: "eleve", date: "2026-12-01" } });
    expect(r).toMatchObject({ phone: "0612345678", commune: "2A004", sharedResult: { band: "eleve", date: "2026-12-01" } });
  });

  it.each([
    ["no consent", { ...valid, consent: false }, "consent"],
    ["empty name", { ...valid, name: "  " }, "name"],
    ["name over 60", { ...valid, name: "x".repeat(61) }, "name"],
    ["invisible name (zero-width spaces)", { ...valid, name: "\u200b\u200b" }, "name"],
    ["name of symbols only", { ...valid, name: "👶 !" }, "name"],
    ["name with a line break", { ...valid, name: "Léa\nRappelez le 0899" }, "name"],
    ["name with NUL", { ...valid, name: "Léa\u0000" }, "name"],
    ["consent missing", { name: valid.name, phone: valid.phone, moments: valid.moments, commune: valid.commune }, "consent"],
    ["consent as text", { ...valid, consent: "true" }, "consent"],
    ["no moment", { ...valid, moments: [] }, "moments"],
    ["repeated moment", { ...valid, moments: ["soir", "soir"] }, "moments"],
    ["bad commune", { ...valid, commune: "6912" }, "commune"],
    ["answers shared", { ...valid, sharedResult: { band: "eleve", date: "2026-12-01", answers: [3, 3] } }, "sharedResult"],
    ["a score shared", { ...valid, sharedResult: { band: "eleve", date: "2026-12-01", score: 14 } }, "sharedResult"],
    ["unknown field", { ...valid, email: "a@b.fr" }, ""],
  ])("refuses %s, in French", (_name, input, field) => {
    const r = newCallbackRequestSchema.safeParse(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.some((i) => (i.path[0] ?? "") === field)).toBe(true);
  });
});

it.each(["李小龙", "فاطمة", "مهر\u200cناز", "Zoé 👶", "Anne-Sophie", "D'Artagnan", "K2", "Zoe\u0301"])("accepts the name %s, in any script", (name) => {
  expect(newCallbackRequestSchema.safeParse({ ...valid, name }).success).toBe(true);
});

it("an empty name gives one message, not two", () => {
  const r = newCallbackRequestSchema.safeParse({ ...valid, name: " " });
  expect(r.success ? [] : r.error.issues.filter((i) => i.path[0] === "name").map((i) => i.message)).toEqual(["Indiquez un prénom ou un pseudonyme."]);
});

describe("statusChangeSchema", () => {
  it.each([
    [{ status: "contacted" }, true],
    [{ status: "closed", outcome: "reached" }, true],
    [{ status: "closed", outcome: "unreachable", attempts: 3 }, true],
    [{ status: "closed", outcome: "oriented", orientedTo: "CMP de Villeurbanne" }, true],
    [{ status: "closed" }, false],
    [{ status: "closed", outcome: "unreachable" }, false],
    [{ status: "closed", outcome: "oriented" }, false],
    [{ status: "contacted", outcome: "reached" }, false],
    [{ status: "new" }, false],
  ])("%j → %s", (input, ok) => expect(statusChangeSchema.safeParse(input).success).toBe(ok));
});

it("coverage query: codes normalised, unknown shapes refused", () => {
  expect(coverageQuerySchema.parse({ departement: "2a" }).departement).toBe("2A");
  expect(coverageQuerySchema.safeParse({ departement: "99" }).success).toBe(false);
});
