import { describe, expect, it } from "vitest";
import { pageDocument } from "./page-document.js";
import { adoptServedAnswers, servedAnswer, servedAnswersOf } from "./state/served-answers.js";
import { apiUrl } from "../domain/api/contract.js";

const template = '<html lang="fr" data-fr-scheme="system"><head><title>t</title></head><body><div id="root"></div></body></html>';

describe("pageDocument", () => {
  it("writes the language, the font, the adoption attributes and the served answers, escaped, and disables the main's controls", () => {
    const served = { [apiUrl("/places/:id", { id: "finess:1" })]: { name: `L'« Aube » & "Cie" <b>` } };
    const html = pageDocument(template, {
      html: '<header><button>Menu</button></header><main><h1>Lieu</h1><input name="q"><button disabled>x</button></main>',
      lang: "ar",
      dir: "rtl",
      font: "arabe",
      content: "v1",
      translation: null,
      query: '?q="<x>',
      served,
    });
    expect(html).toContain('<html lang="ar" dir="rtl" data-fr-scheme="system">');
    // The Arabic font's two files are asked for with the page, before its stylesheet names them.
    expect(html).toContain(
      '<link rel="preload" href="/fonts/arabe-400.woff2" as="font" type="font/woff2" crossorigin="anonymous" />\n' +
        '<link rel="preload" href="/fonts/arabe-700.woff2" as="font" type="font/woff2" crossorigin="anonymous" />\n' +
        '<link rel="stylesheet" href="/fonts/arabe.css" />\n</head>',
    );
    expect(html).toContain('data-content="v1" data-query="?q=&quot;&lt;x&gt;"');
    expect(html).not.toContain("data-translation");
    expect(html).toContain("<header><button>Menu</button></header>"); // outside main: DSFR's own buttons
    expect(html).toContain('<input disabled="" data-avant-app="" name="q">');
    expect(html).toContain("<button disabled>x</button>");
    // What the browser gives back through dataset is the JSON written.
    const attribute = /data-served="([^"]*)"/.exec(html)![1]!;
    const decoded = attribute
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    expect(servedAnswersOf(decoded)).toEqual(served);
  });

  it("a page without data has no adoption attribute", () => {
    const html = pageDocument(template, { html: "<main></main>", lang: "fr", dir: "ltr", font: null, content: null, translation: null, served: {} });
    expect(html).toContain('<div id="root"><main></main></div>');
    // A French page asks for no script font.
    expect(html).not.toContain("/fonts/");
    expect(html).toContain("<title>t</title></head>");
  });
});

describe("served answers", () => {
  it("gives the answer served for a URL, nothing for another or an inherited key; a broken attribute is ignored", () => {
    adoptServedAnswers(servedAnswersOf('{"/api/v1/places/finess%3A1":{"id":"finess:1"}}'));
    expect(servedAnswer(apiUrl("/places/:id", { id: "finess:1" }))).toEqual({ id: "finess:1" });
    expect(servedAnswer(apiUrl("/places/:id", { id: "finess:2" }))).toBeUndefined();
    expect(servedAnswer("constructor")).toBeUndefined();
    for (const broken of ["{", "[1]", "null", '"x"', undefined]) expect(servedAnswersOf(broken)).toBeNull();
    adoptServedAnswers(null);
    expect(servedAnswer(apiUrl("/places/:id", { id: "finess:1" }))).toBeUndefined();
  });
});
