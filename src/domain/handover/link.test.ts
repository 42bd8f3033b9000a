import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "../dates.js";
import { profileFromDraft } from "../profile/profile.js";
import { calendarInputFromProfile } from "../calendar/from-profile.js";
import { draftFromFamilyDates, mergeReceivedProfile, type FamilyDates } from "./family.js";
import { encodeHandover, fitsInLink, HANDOVER_VERSION, MAX_FRAGMENT_LENGTH, readHandover } from "./link.js";
import { synthesisAsAppointments, themeIds, type Synthesis } from "./synthesis.js";

const today = "2026-12-01";
const twins: FamilyDates = {
  pregnancy: { dateKind: "terme", date: "2027-05-01", babies: 2 },
  children: [{ birthDate: "2023-01-05" }, { birthDate: "2025-03-10", expectedTerme: "2025-04-20" }],
  options: { unmarried: true, diabetesRisk: false, bcg: true },
};

describe("calendar hand-over link", () => {
  it("is short, readable and versioned", () => {
    expect(encodeHandover({ kind: "calendar", family: twins })).toBe("v=1&k=cal&t=2027-05-01&n=2&e=2023-01-05,2025-03-10~2025-04-20&o=ub");
  });

  it("gives back the same dates and the profile the profile form would make from them", () => {
    const read = readHandover(`#${encodeHandover({ kind: "calendar", family: twins })}`, today);
    expect(read.ok && read.kind === "calendar").toBe(true);
    if (!read.ok || read.kind !== "calendar") return;
    expect(read.family).toEqual(twins);
    const fromForm = profileFromDraft(draftFromFamilyDates(twins), today);
    expect(fromForm.ok && fromForm.profile).toEqual(read.profile);
    // The calendar sees twins expected as the third child, and the options.
    const input = calendarInputFromProfile(read.profile);
    expect(input.pregnancy).toMatchObject({ terme: "2027-05-01", fetuses: 2, rank: 3, unmarriedParents: true });
    expect(input.children.map((c) => c.bcgRecommended)).toEqual([true, true]);
    expect(read.profile.situations).toEqual(expect.arrayContaining(["prematurite", "grossesse-multiple"]));
  });

  it("round-trips any plausible family", () => {
    const date = fc.integer({ min: -365 * 17, max: 0 }).map((d) => addDays(today, d));
    const family = fc.record({
      pregnancy: fc.option(
        fc.record({
          dateKind: fc.constant<"terme">("terme"),
          date: fc.integer({ min: -10, max: 280 }).map((d) => addDays(today, d)),
          babies: fc.integer({ min: 1, max: 8 }),
        }),
        { nil: null },
      ),
      children: fc.array(fc.record({ birthDate: date }), { maxLength: 10 }),
      options: fc.record({ unmarried: fc.boolean(), diabetesRisk: fc.boolean(), bcg: fc.boolean() }),
    });
    fc.assert(
      fc.property(family, (f) => {
        const read = readHandover(encodeHandover({ kind: "calendar", family: f }), today);
        if (!f.pregnancy && f.children.length === 0) expect(read.ok).toBe(false);
        else expect(read.ok && read.kind === "calendar" && read.family).toEqual(f);
      }),
    );
  });

  it("refuses dates the profile form refuses, with the same French message", () => {
    const family: FamilyDates = { ...twins, pregnancy: { dateKind: "terme", date: "2029-01-01", babies: 1 } };
    const read = readHandover(encodeHandover({ kind: "calendar", family }), today);
    const form = profileFromDraft(draftFromFamilyDates(family), today);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual(!form.ok && form.errors);
    expect(!read.ok && read.errors?.[0]?.message).toMatch(/plus de 42 semaines/);
  });

  it("refuses a damaged, foreign or newer link without throwing", () => {
    for (const bad of [
      "",
      "#",
      "v=1&k=cal",
      "v=1&k=cal&t=2027-13-45",
      "v=1&k=cal&t=2027-05-01&r=2026-08-01",
      "v=1&k=cal&t=2027-05-01&n=9",
      "v=1&k=cal&t=2027-05-01&o=x",
      "v=1&k=cal&e=2025-01-01~2025-02-01~2025-03-01",
      "v=1&k=zzz",
      "k=cal&t=2027-05-01",
      "v=abc",
      "v=1&k=syn&z=%%%",
      "v=1&k=syn&z=AAAA",
      "%E0%A4%A",
      "v=1&k=cal&t=" + "9".repeat(5000),
    ]) {
      const read = readHandover(bad, today);
      expect(read.ok, bad).toBe(false);
      expect(!read.ok && read.message).toMatch(/lien/);
    }
    const newer = readHandover(`v=${HANDOVER_VERSION + 1}&k=cal&t=2027-05-01`, today);
    expect(!newer.ok && newer.message).toMatch(/version plus récente/);
  });
});

const synthesis: Synthesis = {
  interview: "epnp",
  date: "2026-11-30",
  themes: ["vecu", "rythmes", "besoins"],
  priorities: "Dormir un peu plus ; que le papa trouve sa place. Être rassurée sur l'allaitement.",
  needs: "Une aide à domicile (TISF) deux matins par semaine ; un groupe de parole.",
  contacts: [{ who: "Sage-femme de PMI, Mme Lefèvre", how: "01 23 45 67 89, mardi et jeudi" }],
  appointments: [{ date: "2026-12-14", what: "Deuxième entretien postnatal, PMI de Belleville" }],
};

describe("synthesis hand-over link", () => {
  it("round-trips accents and punctuation, compressed", () => {
    const fragment = encodeHandover({ kind: "synthesis", synthesis });
    expect(fragment).toMatch(/^v=1&k=syn&z=[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(JSON.stringify(synthesis).length);
    const read = readHandover(fragment, today);
    expect(read.ok && read.kind === "synthesis" && read.synthesis).toEqual(synthesis);
  });

  it("says when a synthesis is too long for one QR code", () => {
    // Text that compresses little (mulberry32 picks the letters), in every field at its longest.
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const letters = "abcdefghijklmnopqrstuvwxyzéèàç ";
    const text = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join("");
    const full: Synthesis = {
      ...synthesis,
      priorities: text(400),
      needs: text(400),
      contacts: Array.from({ length: 4 }, () => ({ who: text(60), how: text(60) })),
      appointments: Array.from({ length: 6 }, () => ({ date: "2026-12-14", what: text(120) })),
    };
    expect(fitsInLink({ kind: "synthesis", synthesis })).toBe(true);
    expect(fitsInLink({ kind: "synthesis", synthesis: full })).toBe(false);
    expect(encodeHandover({ kind: "synthesis", synthesis: full }).length).toBeGreaterThan(MAX_FRAGMENT_LENGTH);
    // Even at its longest, it is one note of the parent's calendar, whole (the backup file allows 2 000 characters).
    const [note] = synthesisAsAppointments({ ...full, themes: [...themeIds] });
    expect(note!.note.length).toBeLessThanOrEqual(2000);
    expect(note!.note).toContain(full.needs);
    expect(note!.note).toContain(full.contacts.at(-1)!.how);
    expect(note!.note).toContain("Thèmes abordés");
  });

  it("never carries a private theme (violences) to the parent's document", () => {
    expect(themeIds).not.toContain("violences");
    expect(() => encodeHandover({ kind: "synthesis", synthesis: { ...synthesis, themes: ["violences"] } })).toThrow();
  });

  it("becomes a dated note and the next appointments in the parent's calendar, the same ids when scanned twice", () => {
    const saved = synthesisAsAppointments(synthesis);
    expect(saved).toEqual([
      {
        id: "synthese-epnp-2026-11-30",
        title: "Synthèse de l'entretien postnatal précoce",
        date: "2026-11-30",
        note: [
          "Ce qui compte pour vous : Dormir un peu plus ; que le papa trouve sa place. Être rassurée sur l'allaitement.",
          "Vos besoins, ce qui aiderait : Une aide à domicile (TISF) deux matins par semaine ; un groupe de parole.",
          "À contacter : Sage-femme de PMI, Mme Lefèvre (01 23 45 67 89, mardi et jeudi)",
          "Thèmes abordés : Le vécu de la naissance et des semaines qui ont suivi, Rythmes, sommeil et pleurs, Les besoins et la suite",
        ].join("\n"),
      },
      {
        id: "synthese-epnp-2026-11-30-rdv-1",
        title: "Deuxième entretien postnatal, PMI de Belleville",
        date: "2026-12-14",
        note: "Noté lors de l'entretien postnatal précoce du 30 novembre 2026.",
      },
    ]);
    expect(synthesisAsAppointments(synthesis)).toEqual(saved);
  });
});

describe("receiving on a phone that already has a profile", () => {
  it("replaces the dates, keeps the parent's situations and the names of children it already knew", () => {
    const existing = profileFromDraft(
      { project: null, pregnancy: null, children: [{ id: "x", firstName: "Léa", birthDate: "2023-01-05" }], situations: ["parent-seul"] },
      today,
    );
    const read = readHandover(encodeHandover({ kind: "calendar", family: twins }), today);
    if (!existing.ok || !read.ok || read.kind !== "calendar") throw new Error("setup");
    const merged = mergeReceivedProfile(read.profile, existing.profile);
    expect(merged.pregnancy).toEqual(read.profile.pregnancy);
    expect(merged.children[0]).toMatchObject({ id: "x", firstName: "Léa", birthDate: "2023-01-05" });
    expect(merged.children).toHaveLength(2);
    expect(merged.situations).toEqual(expect.arrayContaining(["parent-seul", "prematurite", "grossesse-multiple"]));
  });
});
