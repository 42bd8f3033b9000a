import { describe, expect, it } from "vitest";
import fr from "../../../content/epds/fr.json";
import en from "../../../content/epds/en.json";
import { epdsQuestionnaireSchema } from "./schema.js";
import { MASCULINE_AGREEMENT, masculineFrench, withMasculineAgreement } from "./agreement.js";

const french = epdsQuestionnaireSchema.parse(fr);
const english = epdsQuestionnaireSchema.parse(en);
const texts = (q: typeof french) => [q.instructions, ...q.items.flatMap((i) => [i.text, ...i.options.map((o) => o.text)])];
const feminine = new RegExp(`(?<!\\p{L})(${Object.keys(MASCULINE_AGREEMENT).join("|")})(?!\\p{L})`, "u");

describe("masculine agreement of the French EPDS, for a second parent", () => {
  const adapted = withMasculineAgreement(french);
  it("leaves no feminine agreement in any text", () => {
    for (const text of texts(adapted)) expect(text).not.toMatch(feminine);
    expect(texts(french).some((t) => feminine.test(t))).toBe(true);
  });
  it("changes the agreement only: same items, same points, same order", () => {
    expect(adapted.items.map((i) => i.options.map((o) => o.points))).toEqual(french.items.map((i) => i.options.map((o) => o.points)));
    expect(adapted.items.map((i) => i.text)).toEqual([
      "J’ai pu rire et prendre les choses du bon côté",
      "Je me suis senti confiant et joyeux en pensant à l’avenir",
      "Je me suis reproché, sans raison, d’être responsable quand les choses allaient mal",
      "Je me suis senti inquiet ou soucieux sans motifs",
      "Je me suis senti effrayé ou paniqué sans vraiment de raisons",
      "J’ai eu tendance à me sentir dépassé par les évènements",
      "Je me suis senti si malheureux que j’ai eu des problèmes de sommeil",
      "Je me suis senti triste ou peu heureux",
      "Je me suis senti si malheureux que j’en ai pleuré",
      "Il m’est arrivé de penser à me faire du mal",
    ]);
    expect(adapted.items[5]!.options[0]!.text).toBe("Oui, la plupart du temps, je me suis senti incapable de faire face aux situations");
  });
  it("matches whole words only and keeps the English text as it is", () => {
    expect(masculineFrench("ressentie, sentier, sentie.")).toBe("ressentie, sentier, senti.");
    expect(withMasculineAgreement(english)).toBe(english);
  });
});
