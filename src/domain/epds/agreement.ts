import type { EpdsQuestionnaire } from "./schema.js";

/**
 * The validated French EPDS (Guedeney & Fermanian 1998) is worded for mothers: its past participles and
 * adjectives agree in the feminine (« Je me suis sentie inquiète »). For a father or a co-parent who
 * asks for it, the same items are shown with the masculine agreement (« Je me suis senti inquiet »).
 *
 * This is a grammatical adaptation of the presentation only: same items, same answers in the same
 * order, same points, same scoring; nothing is reworded. It is not a validated version for fathers (none
 * exists in French: content/epds/README.md, « Second parent »), which the screens say.
 *
 * Every feminine form of the French file is listed, matched as a whole word; a test checks that none is
 * left after the adaptation, so a new wording with another feminine form fails the build.
 */
export const MASCULINE_AGREEMENT: Readonly<Record<string, string>> = {
  sentie: "senti",
  confiante: "confiant",
  joyeuse: "joyeux",
  reprochée: "reproché",
  inquiète: "inquiet",
  soucieuse: "soucieux",
  effrayée: "effrayé",
  paniquée: "paniqué",
  dépassée: "dépassé",
  malheureuse: "malheureux",
  heureuse: "heureux",
};

const FEMININE_WORD = new RegExp(`(?<!\\p{L})(${Object.keys(MASCULINE_AGREEMENT).join("|")})(?!\\p{L})`, "gu");

export function masculineFrench(text: string): string {
  return text.replace(FEMININE_WORD, (word) => MASCULINE_AGREEMENT[word] ?? word);
}

/** The questionnaire with the masculine agreement (French only; any other language is returned as is). */
export function withMasculineAgreement(questionnaire: EpdsQuestionnaire): EpdsQuestionnaire {
  if (!questionnaire.locale.startsWith("fr")) return questionnaire;
  return {
    ...questionnaire,
    instructions: masculineFrench(questionnaire.instructions),
    items: questionnaire.items.map((item) => ({
      ...item,
      text: masculineFrench(item.text),
      options: item.options.map((option) => ({ ...option, text: masculineFrench(option.text) })),
    })),
  };
}
