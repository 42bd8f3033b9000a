import { describe, expect, it } from "vitest";
import { frenchText, parentMessageCode, parentMessageCodes, PARENT_MESSAGES } from "./parent-messages.js";

describe("parent messages", () => {
  it("gives each code its own French sentence, so that a sentence finds its code again", () => {
    const texts = parentMessageCodes.map((code) => PARENT_MESSAGES[code]);
    expect(new Set(texts).size).toBe(texts.length);
    for (const code of parentMessageCodes) if (!/\{\w+\}/.test(PARENT_MESSAGES[code])) expect(parentMessageCode(PARENT_MESSAGES[code])).toBe(code);
    expect(parentMessageCode("Une phrase d'ailleurs.")).toBeNull();
  });

  it("fills placeholders, a nested message in French too", () => {
    expect(frenchText({ code: "backup.damaged-date", values: { part: { code: "backup.part.child-birth-date", values: { n: 2 } } } })).toBe(
      "Cette sauvegarde est abîmée ou incomplète : la date de naissance de l'enfant 2 n'est pas une date qui existe. Aucune donnée n'a été modifiée.",
    );
  });
});
