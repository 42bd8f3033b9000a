import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooLargeError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnavailableError,
  UnprocessableError,
} from "../domain/errors.js";
import { problemErrorHandler, problemSchema } from "./problem.js";

z.config(z.locales.fr());

/** An app whose one route throws what the test gives it, with the API's error handler; its logs are kept. */
async function appThrowing(error: unknown) {
  const lines: string[] = [];
  const app = Fastify({ logger: { level: "info", stream: { write: (line: string) => lines.push(line) } } }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  app.get("/boom", { schema: { response: { 404: problemSchema } } }, async () => {
    throw error;
  });
  app.post("/form", { schema: { body: z.strictObject({ age: z.number().int() }) } }, async () => "ok");
  await app.ready();
  return { app, lines };
}

async function answer(error: unknown) {
  const { app, lines } = await appThrowing(error);
  const res = await app.inject({ method: "GET", url: "/boom" });
  await app.close();
  expect(res.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  return { res, lines };
}

describe("typed errors → French problem+json, mapped once", () => {
  const cases: [string, Error, string][] = [
    [
      "InvalidInputError",
      new InvalidInputError("Commune inconnue.", { errors: [{ field: "commune", message: "Commune inconnue." }] }),
      '{"type":"about:blank","status":400,"title":"Requête invalide","detail":"Commune inconnue.","errors":[{"field":"commune","message":"Commune inconnue."}]}',
    ],
    [
      "UnauthenticatedError",
      new UnauthenticatedError("Connectez-vous pour accéder au pilotage territorial."),
      '{"type":"about:blank","status":401,"title":"Connexion requise","detail":"Connectez-vous pour accéder au pilotage territorial."}',
    ],
    [
      "ForbiddenError",
      new ForbiddenError("Ce projet relève d'une autre région que la vôtre."),
      '{"type":"about:blank","status":403,"title":"Accès refusé","detail":"Ce projet relève d\'une autre région que la vôtre."}',
    ],
    [
      "NotFoundError with its page's title",
      new NotFoundError("Aucun lieu ne porte l'identifiant « x ».", { title: "Lieu introuvable" }),
      '{"type":"about:blank","status":404,"title":"Lieu introuvable","detail":"Aucun lieu ne porte l\'identifiant « x »."}',
    ],
    [
      "NotFoundError",
      new NotFoundError("Aucun projet ne porte cet identifiant."),
      '{"type":"about:blank","status":404,"title":"Introuvable","detail":"Aucun projet ne porte cet identifiant."}',
    ],
    [
      "ConflictError",
      new ConflictError("Cette demande est déjà clôturée.", { title: "Demande clôturée" }),
      '{"type":"about:blank","status":409,"title":"Demande clôturée","detail":"Cette demande est déjà clôturée."}',
    ],
    [
      "TooLargeError",
      new TooLargeError("Découpez le fichier.", { title: "Fichier trop volumineux" }),
      '{"type":"about:blank","status":413,"title":"Fichier trop volumineux","detail":"Découpez le fichier."}',
    ],
    [
      "UnprocessableError with extension members and line errors",
      new UnprocessableError("Le fichier n'est pas importé : 1 erreur.", {
        title: "Fichier refusé",
        extensions: { ok: false },
        errors: [{ line: 3, column: "année", message: "Année invalide." }],
      }),
      '{"type":"about:blank","status":422,"title":"Fichier refusé","detail":"Le fichier n\'est pas importé : 1 erreur.","ok":false,"errors":[{"line":3,"column":"année","message":"Année invalide."}]}',
    ],
    [
      "UnavailableError",
      new UnavailableError("Le contenu n'est pas encore chargé : réessayez dans un instant.", { title: "Contenu indisponible" }),
      '{"type":"about:blank","status":503,"title":"Contenu indisponible","detail":"Le contenu n\'est pas encore chargé : réessayez dans un instant."}',
    ],
  ];
  it.each(cases)("%s", async (_name, error, body) => {
    const { res, lines } = await answer(error);
    expect(res.body).toBe(body);
    expect(res.statusCode).toBe(JSON.parse(body).status);
    // A refusal is not a fault: nothing logged at error level.
    expect(lines.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });

  it("TooManyRequestsError sends Retry-After in seconds", async () => {
    const { res } = await answer(new TooManyRequestsError("Réessayez dans 15 minutes.", 900, { title: "Trop de tentatives" }));
    expect(res.statusCode).toBe(429);
    expect(res.headers["retry-after"]).toBe("900");
    expect(res.body).toBe('{"type":"about:blank","status":429,"title":"Trop de tentatives","detail":"Réessayez dans 15 minutes."}');
  });

  it("an unknown error is a French 500 that leaks neither its message nor its stack, which go to the log", async () => {
    const { res, lines } = await answer(new Error('secret: relation "accounts" does not exist'));
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe(
      '{"type":"about:blank","status":500,"title":"Erreur interne","detail":"Une erreur inattendue s\'est produite de notre côté. Réessayez plus tard."}',
    );
    expect(res.body).not.toMatch(/secret|at |\.ts/);
    const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === "request failed");
    expect(logged?.err.message).toContain("secret");
    expect(logged?.err.stack).toContain("problem.test.ts");
  });

  it("a thrown value that is not an Error is a 500 too", async () => {
    const { res } = await answer("raté");
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toMatchObject({ title: "Erreur interne" });
  });

  it("another client error keeps its status with a French title", async () => {
    const { res } = await answer(Object.assign(new Error("Range Not Satisfiable"), { statusCode: 416 }));
    expect(res.body).toBe(
      '{"type":"about:blank","status":416,"title":"Requête refusée","detail":"La requête n\'a pas pu être traitée : vérifiez son format."}',
    );
  });

  it("schema validation lists each field in French", async () => {
    const { app } = await appThrowing(null);
    const res = await app.inject({ method: "POST", url: "/form", payload: { age: 1.5, extra: true } });
    await app.close();
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ type: "about:blank", status: 400, title: "Requête invalide" });
    expect(body.errors.map((e: { field: string }) => e.field)).toContain("age");
    expect(body.detail).toBe(body.errors.map((e: { field: string; message: string }) => `${e.field} : ${e.message}`).join(" ; "));
  });
});
