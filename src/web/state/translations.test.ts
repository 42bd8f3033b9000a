// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { TranslationBundle } from "../../domain/content/schema.js";
import type { ContentLanguage } from "../../domain/content/languages.js";
import type * as TranslationsModule from "./translations.js";
import type { TranslationState } from "./translations.js";

// The network's answer and the device's copy, as the test sets them.
const network = vi.hoisted(() => ({ bundle: null as unknown, cached: null as unknown }));
vi.mock("../api/client.js", () => ({
  callApi: async () => (network.bundle ? { ok: true, data: network.bundle } : { ok: false, problem: { detail: "hors ligne" } }),
}));
vi.mock("../storage/local-db.js", () => ({
  loadCachedTranslation: async () => network.cached,
  saveCachedTranslation: async () => undefined,
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const bundle = (version: string) => ({ language: "ar", version, articles: [] }) as unknown as TranslationBundle;

/** Every state a consumer rendered with, in order. */
let seen: TranslationState[];
let root: Root;
// A fresh module for each test, as for each page load: it keeps the adopted translation and each language's download.
let translations: typeof TranslationsModule;

function Reader({ language }: { language: ContentLanguage }) {
  seen.push(translations.useTranslationBundle(language));
  return null;
}

async function mount(language: ContentLanguage): Promise<void> {
  await act(async () => root.render(createElement(Reader, { language })));
  // The device's copy and the network's answer have come.
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

beforeEach(async () => {
  seen = [];
  network.bundle = null;
  network.cached = null;
  vi.resetModules();
  translations = await import("./translations.js");
  root = createRoot(document.createElement("div"));
});
afterEach(() => act(() => root.unmount()));

describe("useTranslationBundle renders again only when what it shows changes", () => {
  it("a page adopted with a translation, which the network confirms: rendered once", async () => {
    const adopted = bundle("v1");
    translations.adoptTranslation(adopted);
    network.bundle = { ...adopted }; // the same version, parsed from another answer
    await mount("ar");
    expect(seen).toEqual([{ status: "ready", bundle: adopted }]);
  });

  it("a newer translation from the network is shown", async () => {
    translations.adoptTranslation(bundle("v1"));
    network.bundle = bundle("v2");
    await mount("ar");
    expect(seen.map((state) => (state.status === "ready" ? state.bundle.version : state.status))).toEqual(["v1", "v2"]);
  });

  it("French: rendered once", async () => {
    await mount("fr");
    expect(seen).toEqual([{ status: "french" }]);
  });

  it("no adopted translation: loading, then the newest it has; with neither the device's copy nor the network, unavailable", async () => {
    network.cached = bundle("v1");
    network.bundle = bundle("v2");
    await mount("ar");
    expect(seen[0]).toEqual({ status: "loading" });
    expect(seen.at(-1)).toEqual({ status: "ready", bundle: bundle("v2") });

    seen = [];
    network.cached = null;
    network.bundle = null;
    await mount("prs");
    expect(seen.at(-1)).toEqual({ status: "unavailable" });
  });
});
