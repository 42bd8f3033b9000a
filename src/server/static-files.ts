import { existsSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fastifyStatic from "@fastify/static";
import { notFoundOrWrongMethod, type RouteMethods } from "./route-methods.js";
import type { RequestPages } from "./request-pages.js";

/**
 * What answers a path no route has: the built front end when `staticDir` holds one (pages, assets, the app
 * shell), else the French 404/405 problem.
 */
export async function staticFiles(
  app: FastifyInstance,
  staticDir: string | undefined,
  routes: RouteMethods,
  requestPages: RequestPages | null = null,
): Promise<void> {
  if (staticDir && existsSync(join(staticDir, "index.html"))) await serveFrontEnd(app, staticDir, routes, requestPages);
  else app.setNotFoundHandler((request, reply) => notFoundOrWrongMethod(request, reply, routes));
}

/**
 * The single-page app: hashed assets cached for a year, the rest revalidated; pages rendered at build time, pages the
 * server renders with their data (a place, a search: request-pages.ts); other paths get the shell.
 */
async function serveFrontEnd(app: FastifyInstance, root: string, routes: RouteMethods, requestPages: RequestPages | null): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // `<file>.br` made at build for the scripts and stylesheets (scripts/precompress.ts); other files are compressed on the fly.
    preCompressed: true,
    setHeaders(res, path) {
      res.header("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  // Pages rendered at build time have their own HTML (scripts/vite-prerender.ts), listed once here: page path → file.
  const prerendered = new Map<string, string>([["/", "index.html"]]);
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    const name = file.split(sep).join("/");
    if (name.endsWith(".html") && name !== "index.html" && name !== "shell.html") prerendered.set(`/${name.slice(0, -".html".length)}`, name);
  }
  // The page rendered for this very address by the server when it renders it (a place, a search's results), else the file.
  const page = (file: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const rendered = await requestPages?.render(request.url);
    if (rendered) return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(rendered);
    return reply.header("cache-control", "no-cache").sendFile(file);
  };
  // Each page is a route of its own, so that it is compressed like any answer: @fastify/compress hooks into routes,
  // and the not-found handler's answers went out whole (a stage page's 50 KB instead of 10 KB, the largest part of a
  // first visit's critical path). A language's home is pre-rendered as `/en` and linked as `/en/`; any page answers
  // with a final slash too. The routes the server renders at request time (`/autour-de-moi/lieu/:placeId` in every
  // language) fall back to the shell.
  for (const [path, file] of prerendered) {
    app.get(path, { schema: { hide: true } }, page(file));
    if (path !== "/") app.get(`${path}/`, { schema: { hide: true } }, page(file));
  }
  for (const path of requestPages?.paths ?? []) if (!prerendered.has(path)) app.get(path, { schema: { hide: true } }, page("shell.html"));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if ((request.method !== "GET" && request.method !== "HEAD") || path.startsWith("/api/") || /\.[a-z0-9]+$/i.test(path))
      return notFoundOrWrongMethod(request, reply, routes);
    // Every path without a page of its own gets the bare shell.
    return reply.header("cache-control", "no-cache").sendFile("shell.html");
  });
}
