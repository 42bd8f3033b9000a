/**
 * Requests generated from the server's own OpenAPI description, to check that bad input never gives a 5xx
 * and that every error is French problem+json (issue 12). Deterministic: the same seed gives the same
 * requests, so a failure can be replayed. Used by `src/server/fuzz.test.ts` (a few hundred requests) and
 * `bench/fuzz.ts` (tens of thousands, prints figures).
 */

export interface FuzzRequest {
  method: string;
  /** Already encoded, possibly on purpose badly (a lone %, an over-long segment…). */
  url: string;
  /** The route as described, e.g. `GET /api/v1/articles/{id}`. */
  route: string;
  headers: Record<string, string>;
  payload?: string;
}

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

/** mulberry32: a small seeded generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  "",
  " ",
  "a",
  "fr",
  "1",
  "0",
  "-1",
  "1e309",
  "NaN",
  "null",
  "true",
  "2026-03-01",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "01/03/2026",
  "84",
  "75",
  "2A",
  "finess:010000024",
  "national",
  "epp",
  "sante",
  "é",
  "Łódź 東京 🍼",
  "\u200b",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "../../etc/passwd",
  "' OR '1'='1",
  "Robert'); DROP TABLE place;--",
  "<script>alert(1)</script>",
  "%",
  "%25",
  "a;b,c|d\te\nf\r\ng",
  'titre;region\n"non fermé;84',
  "x".repeat(101),
  "y".repeat(5000),
];
const NUMBERS = [0, 1, -1, 2, 5, 20, 84, 100, 1000, 2020, 2026, 2101, 1.5, -0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 48.85, 2.35, 91, -181];

/** Percent-encodes; a lone surrogate becomes the bytes a careless client would send (not valid UTF-8). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "")) + "%ED%A0%80";
  }
}

export function makeGenerator(spec: OpenApi, seed: number, options: { session?: Record<string, string> } = {}) {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const chance = (p: number) => rnd() < p;

  function value(schema: Schema | undefined, depth = 0): unknown {
    if (!schema || depth > 4) return pick([null, pick(STRINGS), pick(NUMBERS), true, [], {}]);
    if (chance(0.15)) return pick([null, pick(STRINGS), pick(NUMBERS), false, [pick(STRINGS)], { x: 1 }]); // wrong type
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return value(pick(variants), depth + 1);
    if (schema.enum) return chance(0.8) ? pick(schema.enum) : pick(STRINGS);
    const type = Array.isArray(schema.type) ? pick(schema.type) : schema.type;
    switch (type) {
      case "string":
        if (schema.maxLength !== undefined && chance(0.1)) return "z".repeat(Math.min(schema.maxLength + (chance(0.5) ? 1 : 0), 200_000));
        return pick(STRINGS);
      case "integer":
      case "number":
        if (chance(0.3) && schema.minimum !== undefined) return schema.minimum - (chance(0.5) ? 1 : 0);
        if (chance(0.3) && schema.maximum !== undefined) return Math.min(schema.maximum + (chance(0.5) ? 1 : 0), 1e21);
        return pick(NUMBERS);
      case "boolean":
        return chance(0.5);
      case "array":
        return Array.from({ length: Math.floor(rnd() * 4) }, () => value(schema.items, depth + 1));
      case "object": {
        const out: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(schema.properties ?? {}))
          if (schema.required?.includes(name) ? chance(0.9) : chance(0.6)) out[name] = value(property, depth + 1);
        if (chance(0.15)) out[pick(["extra", "__proto__", "constructor", "é"])] = pick(STRINGS);
        return out;
      }
      default:
        return pick(STRINGS);
    }
  }

  function segment(schema: Schema | undefined): string {
    if (chance(0.1)) return pick(["%zz", "%", "%E9", "a%2Fb", "x".repeat(101), "%00"]); // sent raw
    const v = value(schema);
    return encode(typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
  }

  const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

  return function next(): FuzzRequest {
    const { path, method, op } = pick(operations);
    const params = op.parameters ?? [];
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => segment(params.find((p) => p.in === "path" && p.name === name)?.schema));
    const query: string[] = [];
    for (const p of params.filter((q) => q.in === "query"))
      if (chance(0.5)) {
        const v = value(p.schema);
        const text = typeof v === "string" ? v : (JSON.stringify(v) ?? "");
        query.push(`${p.name}=${encode(text)}`);
        if (chance(0.1)) query.push(`${p.name}=${encode(pick(STRINGS))}`); // repeated parameter
      }
    if (chance(0.1)) query.push(`${pick(["inconnu", "__proto__", "%zz"])}=${encode(pick(STRINGS))}`);
    const headers: Record<string, string> = {};
    // The session is kept for the whole run: the routes that end it are only tried anonymously.
    const endsSession = method === "DELETE" && /\/pilotage\/sessions?$/.test(path);
    if (options.session && path.includes("/pilotage/") && !endsSession && chance(0.7)) Object.assign(headers, options.session);
    const request: FuzzRequest = { method, url: query.length ? `${url}?${query.join("&")}` : url, route: `${method} ${path}`, headers };
    const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
    if (bodySchema || (method !== "GET" && method !== "DELETE" && chance(0.3))) {
      const kind = rnd();
      if (kind < 0.75) {
        headers["content-type"] = "application/json";
        request.payload = JSON.stringify(value(bodySchema ?? { type: "object" }));
      } else if (kind < 0.85) {
        headers["content-type"] = "application/json";
        request.payload = pick(["{", "[1,", "nul", '"x', '{"a":1}}', "", '{"__proto__":{"admin":true}}', "\u0000"]);
      } else if (kind < 0.95) {
        headers["content-type"] = pick(["text/plain", "text/csv", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]);
        request.payload = pick(STRINGS);
      } else {
        headers["content-type"] = "application/json; charset=latin1";
        request.payload = "{}";
      }
    }
    return request;
  };
}

/** What is wrong with an answer to a fuzzed request, or null: a 5xx, or an error that is not French problem+json. */
export function answerProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }): string | null {
  if (res.statusCode >= 500) return `${res.statusCode}: ${res.body.slice(0, 200)}`;
  if (res.statusCode < 400) return null;
  if (!String(res.headers["content-type"] ?? "").startsWith("application/problem+json"))
    return `${res.statusCode} sans problem+json (${String(res.headers["content-type"])})`;
  let problem: { status?: unknown; detail?: unknown; title?: unknown };
  try {
    problem = JSON.parse(res.body);
  } catch {
    return `${res.statusCode}: corps qui n'est pas du JSON`;
  }
  if (problem.status !== res.statusCode || typeof problem.detail !== "string" || typeof problem.title !== "string")
    return `${res.statusCode}: problème incomplet ${res.body.slice(0, 200)}`;
  if (
    /\b(the|is|not|must|should|expected|invalid input|Unexpected|Body)\b/.test(`${problem.title} ${problem.detail}`) &&
    !/[àâçéèêëîïôûùü]/i.test(problem.detail as string)
  )
    return `${res.statusCode}: message en anglais ? ${problem.detail as string}`;
  return null;
}
