import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import Fastify from "fastify";
import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import { locales } from "../domain/content/languages.js";

/** External services the browser may use, each only when configured (never in tests). */
export interface PublicServices {
  /** Tile URL template with {z}/{x}/{y} (MAP_TILES_URL), or null: the map then shows markers without a background. */
  mapTilesUrl: string | null;
  mapTilesAttribution: string | null;
  /** Base URL of an address geocoder with the BAN API (GEOCODER_URL), or null. */
  geocoderUrl: string | null;
}

export const noServices: PublicServices = { mapTilesUrl: null, mapTilesAttribution: null, geocoderUrl: null };

/**
 * react-dsfr injects one tiny <style> to set the root color scheme; we allow exactly those two
 * contents by hash rather than opening style-src to inline styles.
 */
const colorSchemeStyleHashes = ["light", "dark"].map(
  (scheme) => `'sha256-${createHash("sha256").update(`:root { color-scheme: ${scheme}; }`).digest("base64")}'`,
);

function originOf(url: string | null): string[] {
  return url ? [new URL(url.replace(/\{[a-z]\}/g, "0")).origin] : [];
}

export interface SecurityHeadersOptions {
  /** Origins allowed to frame `/integration/*` (EPDS_FRAME_ANCESTORS). */
  frameAncestors: string[];
  /** Their origins are the only outside ones the Content-Security-Policy opens. */
  services: PublicServices;
}

/** What @fastify/helmet is given: these directives, no COEP, and no HSTS (sent by the hook below, over HTTPS only). */
export function helmetOptions(services: PublicServices): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...colorSchemeStyleHashes],
        imgSrc: ["'self'", "data:", ...originOf(services.mapTilesUrl)],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...originOf(services.geocoderUrl)],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Sent below, only on requests that really came over HTTPS.
    strictTransportSecurity: false,
  };
}

/**
 * The headers @fastify/helmet sends with these options, in its order: read once from a throwaway server that
 * answers one request with nothing else (no nonce is configured, so they are the same for every request).
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string][]> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    let headers: [string, string][] = [];
    probe.get("/", async (_request, reply) => {
      headers = Object.entries(reply.raw.getHeaders()).map(([name, value]) => [name, String(value)]);
      return "";
    });
    await probe.inject({ url: "/" });
    if (headers.length === 0) throw new Error("@fastify/helmet n'a envoyé aucun en-tête");
    return headers;
  } finally {
    await probe.close();
  }
}

/**
 * The headers every answer carries: Content-Security-Policy (self only, plus the configured map tiles and
 * geocoder), no framing except the embeddable questionnaire by its partners, HSTS over HTTPS only,
 * Permissions-Policy, and no caching of the back office.
 */
export async function securityHeaders(app: FastifyInstance, { frameAncestors, services }: SecurityHeadersOptions): Promise<void> {
  // @fastify/helmet builds helmet's middleware again for every request (about 7 % of a `/places` request's CPU);
  // the headers never change for a configuration, so they are asked of it once and set as it would set them.
  const headers = await helmetHeaders(helmetOptions(services));
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    // HTTPS directly (TLS socket) or through a trusted proxy (X-Forwarded-Proto, believed only with TRUST_PROXY).
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    // Back-office answers (accounts, audit log, projects…) are never kept by a browser or a shared cache.
    if (request.url.startsWith("/api/v1/pilotage")) reply.header("cache-control", "no-store");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(self), interest-cohort=()");
    // Only the embeddable questionnaire may be framed, and only by the configured partner origins.
    if (embeddable(request.url)) {
      const csp = String(reply.getHeader("content-security-policy") ?? "");
      reply.header("content-security-policy", csp.replace("frame-ancestors 'none'", `frame-ancestors 'self' ${frameAncestors.join(" ")}`.trim()));
      reply.removeHeader("x-frame-options");
    }
    done(null, payload);
  });
}

/** The embeddable pages: `/integration/…`, in French or in a language (`/en/integration/…`). */
const embeddable = (url: string) => locales.some((locale) => url.startsWith(`${locale.prefix}/integration/`));
