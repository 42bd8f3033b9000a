import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fetchJson, type Parser } from "./client.js";

const answer = (body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));

afterEach(() => vi.unstubAllGlobals());

describe("fetchJson's parse (issue 19: a schema loaded on the first answer it checks)", () => {
  const schema = z.object({ n: z.number() });

  it("checks the answer with a schema given as is", async () => {
    vi.stubGlobal("fetch", answer({ n: 1 }));
    expect(await fetchJson("/x", { parse: schema })).toMatchObject({ ok: true, data: { n: 1 } });
    vi.stubGlobal("fetch", answer({ n: "1" }));
    expect(await fetchJson("/x", { parse: schema })).toMatchObject({ ok: false, status: 200, fromServer: false });
  });

  it("loads a schema given as a loader only when an answer is to be checked, and checks with it", async () => {
    const load = vi.fn(async (): Promise<Parser<{ n: number }>> => schema);
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(null, { status: 503 })),
    );
    expect(await fetchJson("/x", { parse: load })).toMatchObject({ ok: false, status: 503 });
    expect(load).not.toHaveBeenCalled();

    vi.stubGlobal("fetch", answer({ n: 2 }));
    expect(await fetchJson("/x", { parse: load })).toMatchObject({ ok: true, data: { n: 2 } });
    vi.stubGlobal("fetch", answer({ n: null }));
    expect(await fetchJson("/x", { parse: load })).toMatchObject({ ok: false, status: 200, fromServer: false });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("reads an answer as unreadable when its schema cannot be loaded (never as checked)", async () => {
    vi.stubGlobal("fetch", answer({ n: 3 }));
    const result = await fetchJson("/x", { parse: () => Promise.reject(new Error("chunk missing")) });
    expect(result).toMatchObject({ ok: false, status: 200, fromServer: false });
    if (!result.ok) expect(result.problem.detail).toMatch(/./);
  });
});
