import type { FastifyReply } from "fastify";

/**
 * Sends JSON already written as text, as it is: the route's schema types the objects a handler returns, not their
 * text, and Fastify sends a string with a JSON content type without serialising it again.
 */
export function sendJsonText(reply: FastifyReply, json: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}
