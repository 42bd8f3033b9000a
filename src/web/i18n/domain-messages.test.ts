import { describe, expect, it } from "vitest";
import { frenchText, parentMessageCode, parentMessageCodes, PARENT_MESSAGES, type ParentMessage } from "../../domain/parent-messages.js";
import { locales } from "../../domain/content/languages.js";
import { activateForTest as activate, catalogueOf } from "./test-catalogues.js";
import { domainErrorText, domainMessages, parentMessageText } from "./domain-messages.js";
// eslint-disable-next-line no-restricted-imports -- a test, not shipped: it reads a backup as « Mes données » does on demand
import { readBackup } from "../../domain/profile/backup.js";
import { profileFromDraft } from "../../domain/profile/profile.js";

/**
 * The domain's messages for parents (src/domain/parent-messages.ts) reach the screen through one mapping: every code
 * has its catalogue message, worded as the domain's French, and translated in every catalogue (a message left in
 * French in a language fails here).
 */

/** A message of each code with its placeholders filled (a number, and for a file's fault the part it names). */
function sample(code: (typeof parentMessageCodes)[number]): ParentMessage {
  const part: ParentMessage = { code: "backup.part.child-birth-date", values: { n: 2 } };
  return { code, values: { n: 2, part } };
}

describe("domain messages for parents", () => {
  it("has one catalogue message per domain code, and no other", () => {
    expect(Object.keys(domainMessages).sort()).toEqual([...parentMessageCodes].sort());
  });

  it("says in French exactly what the domain says", () => {
    activate("fr");
    for (const code of parentMessageCodes) expect(parentMessageText(sample(code)), code).toBe(frenchText(sample(code)));
  });

  it.each(locales.filter((l) => l.code !== "fr").map((l) => l.code))("%s: every code has its translated message", (language) => {
    activate("fr");
    const french = new Map(parentMessageCodes.map((code) => [code, parentMessageText(sample(code))]));
    activate(language);
    const catalogue = catalogueOf(language);
    for (const code of parentMessageCodes) {
      const { id } = domainMessages[code];
      expect(catalogue[id], `${language}: ${code} is missing from the catalogue`).toBeDefined();
      const text = parentMessageText(sample(code));
      expect(text.trim(), `${language}: ${code}`).not.toBe("");
      expect(text, `${language}: ${code} has a placeholder left`).not.toMatch(/\{\w+\}/);
      // FALC is French: some short parts stay worded as in French; every other language differs from the French.
      if (language !== "falc") expect(text, `${language}: ${code} is still in French`).not.toBe(french.get(code));
    }
  });

  it("shows a domain error by its code, or by its French text, in the parent's language", () => {
    activate("tr");
    const refused = profileFromDraft({ project: null, pregnancy: null, children: [], situations: [] }, "2026-12-02");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(domainErrorText(refused.errors[0]!)).toBe(parentMessageText({ code: "profile.situation.missing" }));
    // A zod issue or a server's field error carries the French text only.
    expect(parentMessageCode(PARENT_MESSAGES["callback.phone.invalid"])).toBe("callback.phone.invalid");
    expect(domainErrorText({ message: PARENT_MESSAGES["callback.phone.invalid"] })).toMatch(/Geçersiz telefon numarası/);
    // A file's fault names its part, translated too.
    const backup = readBackup(JSON.stringify({ format: "mille-jours-sauvegarde", version: 3, exportedAt: "x", profile: null, marks: [{ id: "" }] }));
    expect(backup.ok).toBe(false);
    if (!backup.ok) {
      expect(backup.message).toMatch(/un problème porte sur les articles lus ou favoris/);
      expect(domainErrorText(backup)).toBe(
        "Bu yedek dosyası bozuk veya eksik: okunan veya favorilere eklenen makaleler ile ilgili bir sorun var. Hiçbir veri değiştirilmedi.",
      );
    }
    // A text from nowhere in the table is not left in French in another language.
    expect(domainErrorText({ message: "Texte inconnu." })).not.toBe("Texte inconnu.");
    activate("fr");
    expect(domainErrorText({ message: "Texte inconnu." })).toBe("Texte inconnu.");
  });
});
