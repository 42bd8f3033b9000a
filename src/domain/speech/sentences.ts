/**
 * Cutting a text into sentences for reading aloud, one utterance per sentence.
 *
 * Why sentence by sentence (facts checked 2026-12-01, see docs/architecture.md « Lecture à voix haute »):
 * - Chrome's Google voices stop after about 15 s of one utterance, without an error event
 *   (https://github.com/HadrienGardeur/read-aloud-best-practices/issues/3);
 * - `boundary` events do not fire on Chrome for Android nor for Google voices on Chrome desktop
 *   (https://github.com/mdn/browser-compat-data/issues/6772): the sentence being read is known only from the
 *   `start` event of its own utterance.
 * Pure: no DOM; the caller passes the text of one block (a paragraph, a list item, a heading).
 */

export interface Sentence {
  /** Offsets in the given text (UTF-16 code units), surrounding spaces left out. */
  start: number;
  end: number;
  text: string;
}

type SegmenterLike = { segment(text: string): Iterable<{ segment: string; index: number }> };

/** Ends of sentences for the fallback: . ! ? … and the Arabic question mark, with closing quotes or brackets. */
const fallbackEnd = /[.!?…؟]+(?:[\s\u00a0\u202f]*[»”’)\]])*(?=\s|$)/gu;
/** Short words ending in a dot that do not end a sentence (French and English texts of the app). */
const abbreviation = /(?:^|[\s(])(?:M|Mme|Mlle|Dr|Pr|St|Ste|n°|p|ex|cf|env|etc|av|J\.-C|Mr|Mrs|Ms|vs|e\.g|i\.e)\.$/iu;

function trimmed(text: string, start: number, end: number): Sentence | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

function segmenterFor(lang: string): SegmenterLike | null {
  const Segmenter = (Intl as { Segmenter?: new (locale: string, options: { granularity: "sentence" }) => SegmenterLike }).Segmenter;
  if (!Segmenter) return null;
  try {
    return new Segmenter(lang, { granularity: "sentence" });
  } catch {
    return new Segmenter("fr", { granularity: "sentence" });
  }
}

/**
 * The sentences of `text`, in order, as offsets into it. Uses `Intl.Segmenter` (sentence granularity, Unicode
 * UAX #29 with the locale's rules) where the platform has it, else a punctuation rule; `useSegmenter: false`
 * forces the fallback (tests, old browsers). A cut just after a known abbreviation (« M. », « p. ex. ») is undone
 * in both cases, as UAX #29 cuts there too.
 */
export function splitSentences(text: string, lang: string, { useSegmenter = true }: { useSegmenter?: boolean } = {}): Sentence[] {
  const cuts: number[] = [];
  const segmenter = useSegmenter ? segmenterFor(lang) : null;
  if (segmenter) {
    for (const { index, segment } of segmenter.segment(text)) cuts.push(index + segment.length);
  } else {
    for (const match of text.matchAll(fallbackEnd)) cuts.push(match.index + match[0].length);
    cuts.push(text.length);
  }
  const sentences: Sentence[] = [];
  let start = 0;
  for (let cut of cuts) {
    // French puts a space before a closing quote: « Appelez le 15. » — the quote belongs to the sentence it closes.
    const closing = /^[\s\u00a0\u202f]*[»”’)\]]/u.exec(text.slice(cut));
    if (closing) cut += closing[0].length;
    if (cut <= start) continue;
    if (cut < text.length && abbreviation.test(text.slice(start, cut).trimEnd())) continue;
    const sentence = trimmed(text, start, cut);
    if (sentence) sentences.push(sentence);
    start = cut;
  }
  const rest = trimmed(text, start, text.length);
  if (rest) sentences.push(rest);
  return sentences;
}

/**
 * A sentence too long for one utterance (see the 15 s limit above) cut into parts of at most `max` characters,
 * at the last clause mark (, ; : — –) or else the last space before the limit. Short sentences come back whole.
 */
export function speechParts(sentence: string, max = 220): string[] {
  const parts: string[] = [];
  let rest = sentence.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(...[", ", "; ", ": ", " — ", " – "].map((mark) => window.lastIndexOf(mark)));
    cut = cut > max / 3 ? cut + 1 : window.lastIndexOf(" ");
    if (cut <= 0) cut = max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
