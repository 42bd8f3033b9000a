import { randomBytes } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/database.js";
import { problemErrorHandler } from "../problem.js";
import { steeringRoutes, type SteeringOptions } from "../steering/index.js";
import { TEST_SCRYPT } from "../steering/test-support.js";
import { callbackPlugin, type CallbackOptions } from "./index.js";
import { parseKeyring, type Keyring } from "./crypto.js";

export { createTestAccount, testDatabases, TEST_SCRYPT } from "../steering/test-support.js";

/** A keyring of fresh random keys: `ids[0]` encrypts. */
export function testKeyring(ids: string[] = ["k1"], keys: Map<string, string> = new Map()): Keyring {
  const entries = ids.map((id) => {
    if (!keys.has(id)) keys.set(id, randomBytes(32).toString("base64"));
    return `${id}:${keys.get(id)}`;
  });
  const keyring = parseKeyring(entries.join(","));
  if (typeof keyring === "string") throw new Error(keyring);
  return keyring;
}

/**
 * The steering and call-back routes under /api/v1, with the validation and error handling of src/server/app.ts,
 * a clock the test controls, and inject()'s default address (127.0.0.1) as a trusted proxy.
 */
export async function callbackTestApp(
  db: Database,
  steering: SteeringOptions,
  callback: CallbackOptions,
  trustProxy: string[] = ["127.0.0.1"],
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  const options = { scrypt: TEST_SCRYPT, ...steering };
  await app.register(
    async (api) => {
      await api.register(steeringRoutes(db, options));
      await api.register(callbackPlugin(db, options, callback));
    },
    { prefix: "/api/v1" },
  );
  await app.ready();
  return app;
}
