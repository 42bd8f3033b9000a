import type { FastifyInstance } from "fastify";
import swagger from "@fastify/swagger";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/**
 * The OpenAPI description of the API, generated from the routes' zod schemas registered after this call,
 * served at /api/v1/openapi.json.
 */
export async function openApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "API Mille Jours",
        description: "API publique de Mille Jours : contenu du parcours des 1000 premiers jours. Les erreurs suivent RFC 9457 (application/problem+json).",
        version: "1.0.0",
        license: { name: "Code Apache-2.0, contenu Licence Ouverte 2.0" },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
