import type { FastifyReply } from "fastify";

/** RFC 9457 problem details, with a French `detail` a person can act on. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  type?: string;
  errors?: { field: string; message: string }[];
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .status(problem.status)
    .type("application/problem+json; charset=utf-8")
    .send({ type: problem.type ?? "about:blank", ...problem });
}
