import { describe, expect, it } from "vitest";
import { makeBackup, readBackup } from "./backup.js";
import type { Profile } from "./profile.js";

const profile: Profile = {
  version: 2,
  project: null,
  pregnancy: { terme: "2027-04-10", ddr: null, babies: 1 },
  children: [{ id: "a", firstName: "Léa", birthDate: "2025-01-02" }],
  situations: ["parent-seul"],
};

function empty(p: Profile | null) {
  return { profile: p, marks: [], epds: [], development: [], appointments: [], calendarDone: [] };
}

describe("backup file", () => {
  it("round-trips", () => {
    const backup = makeBackup(
      {
        profile,
        marks: [{ id: "sommeil-bebe-securite", read: true, favourite: false }],
        epds: [
          {
            id: "r1",
            date: "2026-11-20",
            locale: "fr",
            audience: "mere",
            answers: [0, 1, 2, 3, 0, 1, 2, 3, 0, 0],
            total: 12,
            item10Points: 0,
            band: "a-surveiller",
          },
        ],
        development: [
          {
            id: "d1",
            childId: "a",
            childName: "Léa",
            date: "2026-11-21",
            band: "18-mois" as const,
            realAge: "1 an et 10 mois",
            correctedAge: null,
            answers: { "18m-mg-1": "oui" as const, "18m-l-3": "non" as const, "18m-s-2": "non" as const },
            regression: "non" as const,
            worry: "nsp" as const,
            level: "en-parler" as const,
            nonItems: ["18m-l-3", "18m-s-2"],
          },
        ],
        appointments: [{ id: "a1", title: "Échographie", date: "2027-01-05", note: "à jeun" }],
        calendarDone: [
          { id: "grossesse:echographie-1", doneOn: "2026-11-02" },
          { id: "grossesse:entretien-prenatal-precoce", doneOn: "2026-11-03", dismissed: true },
        ],
      },
      new Date("2026-11-22T10:00:00Z"),
    );
    expect(readBackup(JSON.stringify(backup))).toEqual({ ok: true, backup });
  });
  it.each([
    ["not JSON", "{oops", /JSON valide/],
    ["another file", JSON.stringify({ hello: 1 }), /n'est pas une sauvegarde/],
    ["a future version", JSON.stringify({ format: "mille-jours-sauvegarde", version: 4 }), /version/],
    [
      "a development check with an unknown answer",
      JSON.stringify({
        ...makeBackup(empty(profile), new Date()),
        development: [
          {
            id: "d",
            childId: "a",
            childName: "",
            date: "2026-11-21",
            band: "6-mois",
            realAge: "9 mois",
            correctedAge: null,
            answers: { x: "peut-être" },
            regression: "non",
            worry: "non",
            level: "rien-a-signaler",
            nonItems: [],
          },
        ],
      }),
      /un problème porte sur le repérage du développement n° 1/,
    ],
    [
      "an impossible date",
      JSON.stringify({ ...makeBackup(empty(profile), new Date()), profile: { ...profile, children: [{ id: "a", firstName: "", birthDate: "2025-02-30" }] } }),
      /^Cette sauvegarde est abîmée ou incomplète : la date de naissance de l'enfant 1 n'est pas une date qui existe\. Aucune donnée n'a été modifiée\.$/,
    ],
    ["a truncated file", JSON.stringify(makeBackup(empty(profile), new Date())).slice(0, 80), /JSON valide/],
    [
      "a bad terme",
      JSON.stringify({ ...makeBackup(empty(profile), new Date()), profile: { ...profile, pregnancy: { terme: "2027-02-30", ddr: null, babies: 1 } } }),
      /la date du terme n'est pas une date qui existe/,
    ],
    [
      "a broken appointment",
      JSON.stringify({ ...makeBackup(empty(profile), new Date()), appointments: [{ id: "a", title: "", date: "2027-01-01", note: "" }] }),
      /un problème porte sur le rendez-vous personnel n° 1/,
    ],
  ])("refuses %s with a French message, without a technical path, saying nothing was changed", (_name, text, message) => {
    const result = readBackup(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toContain("Aucune donnée n'a été modifiée.");
      expect(result.message).not.toMatch(/profile\.|\w+\.\d+\.\w+|«/);
    }
  });
});

describe("older backup files", () => {
  it("import without an EPDS history", () => {
    const { epds: _e, appointments: _a, calendarDone: _d, development: _v, ...older } = makeBackup(empty(profile), new Date("2026-11-22T10:00:00Z"));
    const result = readBackup(JSON.stringify(older));
    expect(result.ok && [result.backup.epds, result.backup.appointments, result.backup.calendarDone]).toEqual([[], [], []]);
  });
  it("version 2, made before the development checks were kept in the file, imports with none", () => {
    const { development: _v, ...v2 } = { ...makeBackup(empty(profile), new Date("2026-11-22T10:00:00Z")), version: 2 };
    const result = readBackup(JSON.stringify(v2));
    expect(result.ok && [result.backup.version, result.backup.development]).toEqual([3, []]);
  });
});

describe("version 1 backup files (yes/no multiple pregnancy)", () => {
  it("import, triplets' parents' « multiple » becoming 2 babies they can then correct", () => {
    const v1 = {
      format: "mille-jours-sauvegarde",
      version: 1,
      exportedAt: "2026-11-01T10:00:00.000Z",
      profile: { version: 1, project: null, pregnancy: { terme: "2027-06-01", ddr: null, multiple: true }, children: [], situations: ["grossesse-multiple"] },
      marks: [],
    };
    const result = readBackup(JSON.stringify(v1));
    expect(result.ok && result.backup.version).toBe(3);
    expect(result.ok && result.backup.profile).toEqual({
      version: 2,
      project: null,
      pregnancy: { terme: "2027-06-01", ddr: null, babies: 2 },
      children: [],
      situations: ["grossesse-multiple"],
    });
  });
});
