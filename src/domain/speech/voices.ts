/**
 * Choosing the speech-synthesis voice for a page language. Pure: takes the list `speechSynthesis.getVoices()`
 * returned (any objects with these fields), so that it is tested without a browser.
 *
 * Facts (read 2026-12-01, https://github.com/HadrienGardeur/read-aloud-best-practices/blob/main/voice-selection.md):
 * `localService` says whether a voice runs on the device; Google voices « …-network » and Edge « Online (Natural) »
 * voices send the text to a server. Chrome for Android writes languages with an underscore (`fr_FR`) and marks no
 * voice `default`; Safari marks every voice `default`. No platform has a Dari voice: Persian (`fa`) stands in for it
 * (same written language, Dari pronunciation differs), on iOS / macOS and Edge only.
 */

export interface VoiceLike {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

/** The BCP 47 language a page or region is written in → the language of the voice that reads it. */
export function speechLanguage(pageLang: string): string {
  const tag = pageLang.trim().replace(/_/g, "-").toLowerCase();
  const primary = tag.split("-")[0] ?? "";
  if (tag === "falc" || tag.includes("-x-falc")) return "fr"; // FALC is French
  if (primary === "prs") return "fa"; // Dari: a Persian voice reads it
  return primary || "fr";
}

/** The region preferred when a language has several (the variety most parents in France speak or expect). */
const preferredRegion: Record<string, string> = { fr: "fr", en: "gb", pt: "pt", ar: "sa", tr: "tr", uk: "ua", fa: "ir" };

export interface VoiceChoice<V extends VoiceLike> {
  /** The best voice on the device for the language, or null. */
  local: V | null;
  /** The best network voice (the text would leave the device), offered only when there is no local one. */
  online: V | null;
}

function normalisedTag(lang: string): [string, string] {
  const [primary = "", region = ""] = lang.replace(/_/g, "-").toLowerCase().split("-");
  return [primary, region];
}

/**
 * The voices for `lang` (a primary language subtag, e.g. from `speechLanguage`), best first: the preferred
 * region, then the platform's default voice, then the order of the platform's list.
 */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], lang: string): VoiceChoice<V> {
  const wanted = speechLanguage(lang);
  const matching = voices
    .map((voice, order) => ({ voice, order, tag: normalisedTag(voice.lang) }))
    .filter(({ tag }) => tag[0] === wanted)
    .sort((a, b) => score(b) - score(a) || a.order - b.order);
  function score({ voice, tag }: { voice: V; tag: [string, string] }): number {
    return (tag[1] === preferredRegion[wanted] ? 2 : 0) + (voice.default ? 1 : 0);
  }
  const local = matching.find(({ voice }) => voice.localService)?.voice ?? null;
  return { local, online: local ? null : (matching[0]?.voice ?? null) };
}

/**
 * The name of the language whose voice reads `lang`, written in `displayLocale` (the interface's BCP 47 tag), as in
 * « pas de voix en arabe » / « no Arabic voice »: `Intl.DisplayNames`, else the language code.
 */
export function languageName(lang: string, displayLocale: string): string {
  const code = speechLanguage(lang);
  try {
    return new Intl.DisplayNames([displayLocale, "fr"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
