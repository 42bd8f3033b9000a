/**
 * A small subset of ICU MessageFormat for translated content (calendar texts in `content/traductions/<langue>/`):
 * `{name}` inserts a value, `{name, plural, one {# jour} other {# jours}}` chooses a form by the language's plural
 * rules (`#` is the number; `=0`, `=1`… exact matches; `other` required). No other syntax: braces are reserved.
 * Pure: the browser and the server use it (`Intl.PluralRules` and `Intl.NumberFormat` only).
 */
export type TemplatePart = string | { name: string } | { name: string; plural: Map<string, TemplatePart[]> };

export type TemplateValue = number | string;

const PLURAL_KEYS = /^(=\d+|zero|one|two|few|many|other)$/;

/** Thrown for a template that is not valid in this subset; the message says where, in French. */
export class TemplateSyntaxError extends Error {}

export function parseTemplate(template: string): TemplatePart[] {
  let at = 0;
  const fail = (what: string): never => {
    throw new TemplateSyntaxError(`${what} (position ${at + 1})`);
  };
  const name = (): string => {
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*/.exec(template.slice(at));
    if (!m) return fail("nom de variable attendu après « { »");
    at += m[0].length;
    return m[1]!;
  };
  const parts = (inPlural: boolean): TemplatePart[] => {
    const out: TemplatePart[] = [];
    let text = "";
    while (at < template.length) {
      const char = template[at]!;
      if (char === "}") {
        if (!inPlural) fail("« } » sans « { »");
        break;
      }
      if (char !== "{") {
        text += char;
        at += 1;
        continue;
      }
      if (text) out.push(text);
      text = "";
      at += 1;
      const variable = name();
      if (template[at] === "}") {
        at += 1;
        out.push({ name: variable });
        continue;
      }
      if (template[at] !== ",") fail(`« , » ou « } » attendu après « {${variable} »`);
      at += 1;
      const kind = /^\s*plural\s*,\s*/.exec(template.slice(at));
      if (!kind) fail(`seul « {${variable}, plural, …} » est permis`);
      at += kind![0].length;
      const forms = new Map<string, TemplatePart[]>();
      while (template[at] !== "}") {
        const key = /^\s*(\S+?)\s*\{/.exec(template.slice(at));
        if (!key || !PLURAL_KEYS.test(key[1]!)) fail(`forme du pluriel attendue (one, few, many, other, =0…) dans « {${variable}, plural, …} »`);
        at += key![0].length;
        forms.set(key![1]!, parts(true));
        if (template[at] !== "}") fail("« } » manquant");
        at += 1;
        while (/\s/.test(template[at] ?? "")) at += 1;
        if (at >= template.length) fail(`« } » manquant à la fin de « {${variable}, plural, …} »`);
      }
      if (!forms.has("other")) fail(`la forme « other » est obligatoire dans « {${variable}, plural, …} »`);
      at += 1;
      out.push({ name: variable, plural: forms });
    }
    if (text) out.push(text);
    return out;
  };
  const result = parts(false);
  if (at < template.length) fail("« } » sans « { »");
  return result;
}

/** The variable names a template uses, sorted: a translation uses the same ones as the French. */
export function templateArguments(template: string): string[] {
  const names = new Set<string>();
  const walk = (parts: TemplatePart[]) => {
    for (const part of parts) {
      if (typeof part === "string") continue;
      names.add(part.name);
      if ("plural" in part) for (const form of part.plural.values()) walk(form);
    }
  };
  walk(parseTemplate(template));
  return [...names].sort();
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The template with its values, numbers written and plurals chosen for `lang` (a BCP-47 tag). A missing value
 * throws: a computed text is never shown with a hole in it.
 */
export function formatTemplate(template: string, values: Readonly<Record<string, TemplateValue>>, lang: string): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  let numbers = numberFormats.get(lang);
  if (!numbers) numberFormats.set(lang, (numbers = new Intl.NumberFormat(lang, { useGrouping: false })));
  const write = (value: TemplateValue) => (typeof value === "number" ? numbers.format(value) : value);
  const render = (parts: TemplatePart[], count: number | null): string =>
    parts
      .map((part) => {
        if (typeof part === "string") return count === null ? part : part.replaceAll("#", write(count));
        const value = values[part.name];
        if (value === undefined) throw new RangeError(`Missing value {${part.name}}`);
        if (!("plural" in part)) return write(value);
        if (typeof value !== "number") throw new RangeError(`{${part.name}} must be a number`);
        const form = part.plural.get(`=${value}`) ?? part.plural.get(rules.select(value)) ?? part.plural.get("other")!;
        return render(form, value);
      })
      .join("");
  return render(parseTemplate(template), null);
}
