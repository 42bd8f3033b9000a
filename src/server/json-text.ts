import type { FastifyReply } from "fastify";

/**
 * Sends JSON already written as text (or as its UTF-8 bytes), as it is: the route's schema types the objects a handler
 * returns, not their text, and Fastify sends a string or bytes with a JSON content type without serialising them again.
 */
export function sendJsonText(reply: FastifyReply, json: string | Buffer): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}
