import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../db/database.js";
import { problemErrorHandler } from "../problem.js";
import type { Account } from "../../domain/api/steering.js";
import { checkNewAccount, type NewAccount } from "../../domain/steering/accounts.js";
import { addAccount } from "./accounts/service.js";
import { steeringRoutes, type SteeringOptions } from "./index.js";
import type { ScryptParams } from "./password.js";

z.config(z.locales.fr());

export { testDatabases } from "../db/test-databases.js";

/** Cheap scrypt for the tests (the default parameters are tested in password.test.ts). */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

/**
 * The steering routes alone under /api/v1, with the validation and error handling of src/server/app.ts,
 * and a clock the test controls. (src/server/app.test.ts checks the real wiring.)
 */
export async function steeringTestApp(db: Database, options: SteeringOptions, trustProxy: string[] = ["127.0.0.1"]): Promise<FastifyInstance> {
  // Like TRUST_PROXY=127.0.0.1: inject()'s default address is a trusted proxy; any other address is a client.
  const app = Fastify({ logger: false, trustProxy }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  await app.register(steeringRoutes(db, { scrypt: TEST_SCRYPT, ...options }), { prefix: "/api/v1" });
  await app.ready();
  return app;
}

export async function createTestAccount(db: Database, input: Omit<NewAccount, "password"> & { password?: string }, now = new Date()): Promise<Account> {
  const checked = checkNewAccount({ password: "mot de passe de test 2026", ...input });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return addAccount(db, checked.account, now, TEST_SCRYPT);
}
