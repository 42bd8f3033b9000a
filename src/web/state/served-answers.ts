/**
 * API answers the page was served with (`data-served` on `#root`: the server renders a place's page with the place
 * it has in its index, src/server/request-pages.ts), by the URL the page would fetch. A page starts from them
 * instead of fetching them again, so that the app takes the served page over unchanged (no « Chargement… » in its
 * place, no repaint), as it adopts the pages rendered at build time.
 */
let served: Readonly<Record<string, unknown>> = {};

/** The answers the page was rendered with (at build or request time), or none. */
export function adoptServedAnswers(answers: Readonly<Record<string, unknown>> | null): void {
  served = answers ?? {};
}

/** The answers of `#root`'s `data-served` (JSON), if any; a broken value is ignored (the page then fetches). */
export function servedAnswersOf(json: string | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The answer the page was served with for this URL (`apiUrl` of the contract, as the API client asks it), if any. */
export function servedAnswer<T>(url: string): T | undefined {
  return Object.hasOwn(served, url) ? (served[url] as T) : undefined;
}
