/**
 * A language's script font (Arabic, Cyrillic: the letters Marianne lacks, scripts/vite-fonts.ts). Its stylesheet is
 * linked by the pre-rendered pages; the shell's pages get it here. Two things the browser does not do by itself:
 * - **keep it for offline use.** The service worker keeps what it serves under `/fonts/` (vite.config.ts), but a first
 *   visit fetches the font before the worker controls the page, and the following pages take it from the browser's
 *   memory: the worker never sees it, and days later, offline, the page had the system font. Once the worker controls
 *   the page, the stylesheet and its font files are asked through it, unless it keeps them already.
 * - **come back with the connection.** A page opened offline before the font was kept has a failed stylesheet (or
 *   failed font files), and the browser never asks for them again in that document: the system font stayed until a
 *   reload. On `online`, a failed font is linked again: a new `<link>` to the same address loads it afresh, and
 *   the page is drawn with it (checked in Chromium by tests/e2e/langues-hors-ligne.test.ts).
 */
export function showScriptFont(href: string | null): void {
  if (!href) return;
  let link = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${href}"]`) ?? linkStylesheet(href);
  void keepForOffline(link);
  addEventListener("online", () => {
    if (!failed(link)) return;
    const fresh = linkStylesheet(href);
    fresh.addEventListener("load", () => void keepForOffline(fresh), { once: true });
    link.remove();
    link = fresh;
  });
}

function linkStylesheet(href: string): HTMLLinkElement {
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
  document.head.append(link);
  return link;
}

/** The font faces the stylesheet declares (none: it failed, or has not arrived yet). */
function fontFaceRules(link: HTMLLinkElement): CSSFontFaceRule[] {
  try {
    return [...(link.sheet?.cssRules ?? [])].filter((rule) => rule instanceof CSSFontFaceRule);
  } catch {
    return [];
  }
}

/** The stylesheet failed, or a font of the page did (the browser would not try it again). */
function failed(link: HTMLLinkElement): boolean {
  return fontFaceRules(link).length === 0 || [...document.fonts].some((face) => face.status === "error");
}

/** The addresses of the stylesheet and of the font files it names. */
function fontFiles(link: HTMLLinkElement): string[] {
  const sources = fontFaceRules(link).flatMap((rule) => [...rule.style.getPropertyValue("src").matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]);
  return [link.href, ...sources.map((source) => new URL(source[1]!, link.href).href)];
}

async function keepForOffline(link: HTMLLinkElement): Promise<void> {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  if (!link.sheet) await new Promise((resolve) => link.addEventListener("load", resolve, { once: true }));
  const files = fontFiles(link);
  if (files.length === 1) return;
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller)
    await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  for (const file of files) if (!(await caches.match(file))) await fetch(file).catch(() => undefined);
}
