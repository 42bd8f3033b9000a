import { describe, expect, it } from "vitest";
import { chooseVoice, languageName, speechLanguage, type VoiceLike } from "./voices.js";

const voice = (name: string, lang: string, localService = true, isDefault = false): VoiceLike => ({ name, lang, localService, default: isDefault });

describe("speechLanguage", () => {
  it("maps page languages to voice languages: FALC is French, Dari is read by a Persian voice", () => {
    expect(speechLanguage("fr")).toBe("fr");
    expect(speechLanguage("fr-FR")).toBe("fr");
    expect(speechLanguage("fr-x-falc")).toBe("fr");
    expect(speechLanguage("falc")).toBe("fr");
    expect(speechLanguage("prs")).toBe("fa");
    expect(speechLanguage("prs-AF")).toBe("fa");
    expect(speechLanguage("pt_BR")).toBe("pt");
    expect(speechLanguage("AR")).toBe("ar");
    expect(speechLanguage("")).toBe("fr");
  });
});

describe("chooseVoice", () => {
  const desktopChrome = [
    voice("Google US English", "en-US", false),
    voice("Google français", "fr-FR", false),
    voice("Microsoft Julie - French (France)", "fr-FR", true),
    voice("Microsoft Hortense - French (Canada)", "fr-CA", true, true),
  ];

  it("prefers a voice on the device, of the preferred region, over a network voice", () => {
    expect(chooseVoice(desktopChrome, "fr")).toEqual({ local: desktopChrome[2], online: null });
  });

  it("takes the platform default when no voice has the preferred region", () => {
    const voices = [voice("A", "en-US"), voice("B", "en-AU", true, true)];
    expect(chooseVoice(voices, "en").local?.name).toBe("B");
  });

  it("reads Android's underscore tags", () => {
    const android = [voice("fr-fr-x-vlf-local", "fr_FR"), voice("ar-xa-x-arc-network", "ar_XA", false)];
    expect(chooseVoice(android, "fr").local?.name).toBe("fr-fr-x-vlf-local");
    expect(chooseVoice(android, "ar")).toEqual({ local: null, online: android[1] });
  });

  it("reads Dari with a Persian voice and FALC with a French one", () => {
    const apple = [voice("Dariush", "fa-IR"), voice("Thomas", "fr-FR")];
    expect(chooseVoice(apple, "prs").local?.name).toBe("Dariush");
    expect(chooseVoice(apple, "fr-x-falc").local?.name).toBe("Thomas");
  });

  it("finds nothing when the device has no voice for the language, or no voice at all", () => {
    expect(chooseVoice(desktopChrome, "uk")).toEqual({ local: null, online: null });
    expect(chooseVoice([], "fr")).toEqual({ local: null, online: null });
  });

  it("does not take a voice of another language sharing a prefix", () => {
    expect(chooseVoice([voice("Filipino", "fil-PH")], "fa")).toEqual({ local: null, online: null });
  });
});

describe("languageName", () => {
  it("names the voice's language in the interface's language", () => {
    expect(languageName("ar", "fr")).toBe("arabe");
    expect(languageName("fa-AF", "fr")).toBe("persan");
    expect(languageName("uk", "fr-x-falc")).toBe("ukrainien");
    expect(languageName("ar", "en")).toBe("Arabic");
    expect(languageName("tr", "ar")).toBe("التركية");
  });
});
