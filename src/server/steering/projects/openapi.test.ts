import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { testDatabases } from "../../db/test-databases.js";

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: { type?: string; format?: string; properties?: Record<string, unknown> } }> }>;
}

/** Issue 11: the OpenAPI describes every answer of the projects registry (JSON by its schema, files by their content type). */
describe("projects routes in the OpenAPI", () => {
  let app: FastifyInstance;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    app = await buildApp({ db: await testDatabases[0]![1](), logger: false });
    paths = (await app.inject({ url: "/api/v1/openapi.json" })).json().paths;
  });
  afterAll(async () => {
    await app?.close();
  });

  const answer = (method: string, path: string, status: string) => paths[`/api/v1${path}`]?.[method]?.responses?.[status]?.content;

  it("describes each JSON answer with its fields", () => {
    const json = (method: string, path: string, status = "200") => answer(method, path, status)?.["application/json"]?.schema;
    const project = ["id", "version", "createdAt", "updatedAt", "title", "holder", "region", "themes", "amounts", "status", "evaluation", "publicSummary"];
    expect(Object.keys(json("get", "/pilotage/projets/{id}")?.properties ?? {})).toEqual(expect.arrayContaining(project));
    expect(Object.keys(json("post", "/pilotage/projets", "201")?.properties ?? {})).toEqual(expect.arrayContaining(project));
    expect(Object.keys(json("put", "/pilotage/projets/{id}")?.properties ?? {})).toEqual(expect.arrayContaining(project));
    expect(Object.keys(json("get", "/pilotage/projets")?.properties ?? {})).toEqual(
      expect.arrayContaining(["region", "year", "limit", "offset", "total", "projects", "totals"]),
    );
    expect(Object.keys(json("post", "/pilotage/projets/import")?.properties ?? {})).toEqual(expect.arrayContaining(["dryRun", "created", "updated", "rows"]));
    for (const path of ["/pilotage/journal", "/pilotage/projets/{id}/journal"]) expect(json("get", path)?.type, path).toBe("array");
  });

  it("describes the yearly list's files by their content type", () => {
    expect(answer("get", "/pilotage/liste-projets-soutenus.csv", "200")?.["text/csv"]?.schema?.type).toBe("string");
    expect(
      answer("get", "/pilotage/liste-projets-soutenus.xlsx", "200")?.["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]?.schema,
    ).toEqual({
      type: "string",
      format: "binary",
    });
  });
});
