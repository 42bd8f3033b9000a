/**
 * Reading a page region aloud with the browser's speech synthesis (nothing leaves the device with a local voice).
 * Loaded on demand, on the first tap on « Écouter » (see ReadAloud.tsx). A thin wrapper of our own rather than
 * easy-speech: see docs/architecture.md (« Lecture à voix haute »).
 *
 * - One utterance per sentence (long ones cut in parts): Chrome's Google voices stop after ~15 s, and `boundary`
 *   events are missing on Android, so the page highlights the sentence whose utterance is being spoken.
 * - Pause is a cancel that keeps the sentence, and « Reprendre » says that sentence again: `speechSynthesis.pause()`
 *   stops for good on Android and resumes nothing on some Chrome voices; the same path applies a new speed at once.
 * - Voices load late: `loadVoices` waits for `voiceschanged`, and polls (Chrome for Android can fire it with no voice).
 */
import "./listen.css";
import { speechParts, splitSentences } from "../../../domain/speech/sentences.js";

export { chooseVoice, languageName } from "../../../domain/speech/voices.js";

export interface SpokenSentence {
  text: string;
  range: Range;
  block: Element;
}

/** Never read: the player itself, buttons and forms, what screen readers alone or nobody hear. */
const skippedSelector = "button, form, select, input, textarea, script, style, svg, nav, [hidden], [aria-hidden='true'], .fr-sr-only, [data-lecture-ignorer]";
const blockSelector = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, blockquote, figcaption, caption, summary, legend, label";

/** The sentences of the regions, in document order, each with the DOM range it covers (for the highlight). */
export function collectSentences(roots: readonly Element[], lang: string): SpokenSentence[] {
  const sentences: SpokenSentence[] = [];
  for (const root of roots) {
    let pieces: { node: Text; at: number }[] = [];
    let joined = "";
    let block: Element | null = null;
    const flush = () => {
      if (block && joined.trim()) {
        for (const s of splitSentences(joined, lang)) {
          const range = document.createRange();
          const [startNode, startOffset] = locate(pieces, s.start, false);
          const [endNode, endOffset] = locate(pieces, s.end, true);
          range.setStart(startNode, startOffset);
          range.setEnd(endNode, endOffset);
          sentences.push({ text: s.text, range, block });
        }
      }
      pieces = [];
      joined = "";
      block = null;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node instanceof Element && node.matches(skippedSelector) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        if (node.tagName === "BR") flush();
        continue;
      }
      const text = node as Text;
      if (!text.data) continue;
      const owner = text.parentElement?.closest(blockSelector) ?? root;
      if (owner !== block) flush();
      // Two inline elements side by side (two links) are two words, not one.
      const previous = pieces.at(-1);
      if (previous && previous.node.parentElement !== text.parentElement && !/\s$/.test(joined) && !/^\s/.test(text.data)) joined += " ";
      block = owner;
      pieces.push({ node: text, at: joined.length });
      joined += text.data;
    }
    flush();
  }
  return sentences;
}

function locate(pieces: { node: Text; at: number }[], offset: number, isEnd: boolean): [Text, number] {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    if (piece.at < offset || (!isEnd && piece.at === offset) || (isEnd && piece.at === offset && i === 0)) {
      return [piece.node, Math.min(offset - piece.at, piece.node.data.length)];
    }
  }
  return [pieces[0]!.node, 0];
}

/** The voices of the device, once the browser has listed them (at most `timeoutMs`; an empty list if none). */
export function loadVoices(synth: SpeechSynthesis, timeoutMs = 5000): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const check = () => {
      if (synth.getVoices().length) finish();
    };
    const finish = () => {
      clearInterval(poll);
      clearTimeout(timer);
      synth.removeEventListener("voiceschanged", check);
      resolve(synth.getVoices());
    };
    synth.addEventListener("voiceschanged", check);
    const poll = setInterval(check, 250);
    const timer = setTimeout(finish, timeoutMs);
  });
}

const highlightName = "mj-lecture";
const fallbackClass = "mj-lecture-bloc";

function highlights(): { set(name: string, value: unknown): void; delete(name: string): void } | null {
  const registry = (CSS as unknown as { highlights?: { set(name: string, value: unknown): void; delete(name: string): void } }).highlights;
  return registry && typeof Highlight === "function" ? registry : null;
}

/** Shows which sentence is read: the CSS Custom Highlight API where it exists (no DOM change), else its block. */
export function showSentence(sentence: SpokenSentence | null): void {
  const registry = highlights();
  document.querySelectorAll(`.${fallbackClass}`).forEach((el) => el.classList.remove(fallbackClass));
  registry?.delete(highlightName);
  if (!sentence) return;
  if (registry) registry.set(highlightName, new Highlight(sentence.range));
  else sentence.block.classList.add(fallbackClass);
  const box = sentence.range.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) {
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    sentence.block.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  }
}

export interface ReaderEvents {
  onSentence(index: number): void;
  onEnd(): void;
  onError(error: string): void;
}

/** Characters per utterance: about 14 s at 0.75× (≈ 11 characters a second), under Chrome's 15 s cut. */
const maxPart = 150;

/** Says the sentences one after the other with one voice; pause keeps the place, stop goes back to the start. */
export class Reader {
  private index = 0;
  private generation = 0;
  private rate = 1;
  private speaking = false;

  constructor(
    private readonly synth: SpeechSynthesis,
    private readonly sentences: readonly SpokenSentence[],
    private readonly voice: SpeechSynthesisVoice,
    private readonly events: ReaderEvents,
  ) {}

  get count(): number {
    return this.sentences.length;
  }

  play(): void {
    this.halt();
    this.speaking = true;
    this.speak(this.index, this.generation);
  }

  pause(): void {
    this.halt();
  }

  stop(): void {
    this.halt();
    this.index = 0;
  }

  setRate(rate: number): void {
    this.rate = rate;
    if (this.speaking) this.play();
  }

  private halt(): void {
    this.generation++;
    this.speaking = false;
    if (this.synth.speaking || this.synth.pending) this.synth.cancel();
  }

  private speak(index: number, generation: number): void {
    const sentence = this.sentences[index];
    if (!sentence) return;
    this.index = index;
    this.events.onSentence(index);
    const parts = speechParts(sentence.text, maxPart);
    parts.forEach((part, k) => {
      const utterance = new SpeechSynthesisUtterance(part);
      utterance.voice = this.voice;
      utterance.lang = this.voice.lang.replace(/_/g, "-");
      utterance.rate = this.rate;
      utterance.onerror = (event) => {
        if (generation !== this.generation || event.error === "interrupted" || event.error === "canceled") return;
        this.speaking = false;
        this.events.onError(event.error);
      };
      if (k === parts.length - 1)
        utterance.onend = () => {
          if (generation !== this.generation) return;
          if (index + 1 < this.sentences.length) this.speak(index + 1, generation);
          else {
            this.speaking = false;
            this.index = 0;
            this.events.onEnd();
          }
        };
      this.synth.speak(utterance);
    });
  }
}
