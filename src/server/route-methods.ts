import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "./problem.js";

/** The methods each route pattern answers, to tell « no such path » (404) from « not with this method » (405). */
export class RouteMethods {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];
  private readonly byUrl = new Map<string, Set<string>>();

  /** Records every route of `app` as it is registered (call before registering any). */
  static of(app: FastifyInstance): RouteMethods {
    const routes = new RouteMethods();
    app.addHook("onRoute", (route) => routes.add(route.method, route.url));
    return routes;
  }

  add(method: string | string[], url: string): void {
    let methods = this.byUrl.get(url);
    if (!methods) {
      methods = new Set();
      this.byUrl.set(url, methods);
      // `:param` is one path segment, `*` anything; the rest is literal.
      const source = url
        .split(/(:[A-Za-z0-9_]+|\*)/)
        .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("");
      this.routes.push({ pattern: new RegExp(`^${source}/?$`), methods });
    }
    for (const m of Array.isArray(method) ? method : [method]) methods.add(m.toUpperCase());
  }

  /** The methods allowed on a concrete path, or an empty list when no route has that path. */
  allowed(path: string): string[] {
    const all = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) for (const m of route.methods) all.add(m);
    return [...all].sort();
  }
}

/** A path no route answers: 405 with Allow when it exists with other methods, 404 otherwise (French problems). */
export function notFoundOrWrongMethod(request: FastifyRequest, reply: FastifyReply, routes: RouteMethods): FastifyReply {
  const path = request.url.split("?")[0] ?? "/";
  const allowed = routes.allowed(path);
  if (allowed.length > 0 && !allowed.includes(request.method))
    return sendProblem(reply.header("allow", allowed.join(", ")), {
      status: 405,
      title: "Méthode non permise",
      detail: `${path} ne répond pas à la méthode ${request.method} : méthodes acceptées ${allowed.join(", ")}.`,
    });
  return sendProblem(reply, { status: 404, title: "Introuvable", detail: `Rien ne correspond à ${path}.` });
}
