import { describe, expect, it } from "vitest";
import { speechParts, splitSentences } from "./sentences.js";

const texts = (text: string, lang: string, useSegmenter: boolean) => splitSentences(text, lang, { useSegmenter }).map((s) => s.text);

describe.each([true, false])("splitSentences (Intl.Segmenter: %s)", (useSegmenter) => {
  it("cuts French text at sentence ends, keeping offsets into the text", () => {
    const text = "  Le bébé dort sur le dos. Dans son lit, sans couette ! Pourquoi ? Parce que c'est plus sûr…  ";
    const sentences = splitSentences(text, "fr", { useSegmenter });
    expect(sentences.map((s) => s.text)).toEqual(["Le bébé dort sur le dos.", "Dans son lit, sans couette !", "Pourquoi ?", "Parce que c'est plus sûr…"]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("keeps closing quotes with their sentence and does not cut after « M. » or « p. ex. »", () => {
    expect(texts("Elle dit « Appelez le 15. » Puis elle part. M. Martin vient, p. ex. le lundi.", "fr", useSegmenter)).toEqual([
      "Elle dit « Appelez le 15. »",
      "Puis elle part.",
      "M. Martin vient, p. ex. le lundi.",
    ]);
  });

  it("does not cut decimal numbers or a text without final punctuation", () => {
    expect(texts("La dose est de 0,5 mg ou 2.5 ml. Vitamine D", "fr", useSegmenter)).toEqual(["La dose est de 0,5 mg ou 2.5 ml.", "Vitamine D"]);
  });

  it("cuts Arabic at the Arabic question mark and the full stop", () => {
    expect(texts("هل طفلك بخير؟ اتصل بالطبيب. شكرا", "ar", useSegmenter)).toEqual(["هل طفلك بخير؟", "اتصل بالطبيب.", "شكرا"]);
  });

  it("gives nothing for an empty or blank text", () => {
    expect(splitSentences("", "fr", { useSegmenter })).toEqual([]);
    expect(splitSentences(" \n\t ", "fr", { useSegmenter })).toEqual([]);
  });
});

describe("speechParts", () => {
  it("keeps a short sentence whole", () => {
    expect(speechParts("Le bébé dort sur le dos.")).toEqual(["Le bébé dort sur le dos."]);
  });

  it("cuts a long sentence at clause marks, each part under the limit, losing no word", () => {
    const sentence = `${"un mot ".repeat(20)}, ${"deux mots ".repeat(15)}; ${"trois ".repeat(30)}fin.`;
    const parts = speechParts(sentence, 200);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(200);
    expect(
      parts
        .join(" ")
        .split(/\s+/)
        .filter((w) => /\w/.test(w)),
    ).toEqual(sentence.split(/\s+/).filter((w) => /\w/.test(w)));
    expect(parts[0]!.endsWith(",")).toBe(true);
  });

  it("cuts a word longer than the limit rather than looping", () => {
    expect(speechParts("x".repeat(250), 100)).toEqual(["x".repeat(100), "x".repeat(100), "x".repeat(50)]);
  });
});
