import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { z } from "zod";
import { parseKeyring, type Keyring } from "./callback/crypto.js";

/**
 * Every environment variable the server and its commands read, in one schema: type, default and a French
 * description (the configuration reference in the README is written from it; `configReference()` lists it).
 * The environment is read once, at start (`loadConfig`); a bad value stops the start with a French message
 * naming the variable, before any slow work.
 */

/** What each variable expects, in French, for the error message and the reference. */
interface VariableMeta {
  description: string;
  /** The default as a person reads it (« aucun » when unset means « off »). */
  defaultText: string;
  expected: string;
  /** Never repeated in an error message (keys, passwords). */
  secret?: boolean;
}

/** Keyed by the variable's schema (`configSchema.shape[name]`, the same object in a `.pick`): the name is written once. */
const metas = new WeakMap<z.ZodType, VariableMeta>();

/** An unset or empty variable takes its default: `FOO=` in a .env file means « not set ». */
function variable<T extends z.ZodType>(schema: T, meta: VariableMeta) {
  const described = z.preprocess((raw) => (raw === "" ? undefined : raw), schema).describe(meta.description);
  metas.set(described, meta);
  return described;
}

const positiveNumber = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!Number.isFinite(value) || value <= 0) {
        ctx.addIssue({ code: "custom", message: "nombre positif attendu" });
        return z.NEVER;
      }
      return value;
    });

/** The variables that are a number with a default: the reference's default and the expected value follow from it. */
const positive = (fallback: number, description: string, expected = "un nombre positif") =>
  variable(positiveNumber(fallback), { description, defaultText: `\`${fallback}\``, expected });

const positiveWhole = (fallback: number, description: string) =>
  variable(
    positiveNumber(fallback).refine((value) => Number.isInteger(value), "nombre entier attendu"),
    {
      description,
      defaultText: `\`${fallback}\``,
      expected: "un nombre entier positif",
    },
  );

const millisecondsOrZero = (fallback: number, description: string) =>
  variable(
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number)
      .default(fallback),
    { description, defaultText: `\`${fallback}\``, expected: "un nombre de millisecondes (0 ou plus)" },
  );

const port = z
  .string()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .refine((value) => value <= 65535);
const portExpected = "un nombre entre 0 et 65535";

/** An https URL (a tile template's {z}/{x}/{y} placeholders allowed). */
const httpsUrl = z
  .string()
  .refine((value) => {
    try {
      return new URL(value.replace(/\{[a-z]\}/g, "0")).protocol === "https:";
    } catch {
      return false;
    }
  })
  .optional()
  .transform((value) => value ?? null);

/** Names proxy-addr (Fastify's trustProxy) understands besides addresses and CIDR ranges. */
const proxyKeywords = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyEntry(entry: string): boolean {
  if (proxyKeywords.has(entry)) return true;
  const [address, bits, extra] = entry.split("/");
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

const list = (raw: string | undefined) => (raw ?? "").split(/[\s,]+/).filter(Boolean);

export const configSchema = z.object({
  PORT: variable(port.default(3000), { description: "port HTTP", defaultText: "`3000`", expected: portExpected }),
  HOST: variable(z.string().default("0.0.0.0"), { description: "adresse d'écoute", defaultText: "`0.0.0.0`", expected: "une adresse ou un nom d'hôte" }),
  DATA_DIR: variable(z.string().default("var"), {
    description:
      "dossier des données du serveur : base PGlite dans `DATA_DIR/pglite`, qu'un seul processus à la fois ouvre (verrou `DATA_DIR/pglite.lock`) ; instantané de l'index des lieux `DATA_DIR/places-index.bin` (aussi avec PostgreSQL)",
    defaultText: "`./var`",
    expected: "un chemin de dossier",
  }),
  DATABASE_URL: variable(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/./)
      .optional(),
    {
      description: "URL PostgreSQL (`postgresql://…`) : si elle est définie, le serveur utilise ce PostgreSQL avec les mêmes migrations au lieu de PGlite",
      defaultText: "—",
      expected: "une URL postgresql://…",
    },
  ),
  CONTENT_DIR: variable(z.string().optional(), {
    description: "dossier du contenu éditorial",
    defaultText: "`./content`",
    expected: "un chemin de dossier",
  }),
  LOG_LEVEL: variable(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"), {
    description: "niveau des journaux (`info`, `warn`…)",
    defaultText: "`info`",
    expected: "fatal, error, warn, info, debug, trace ou silent",
  }),
  EPDS_FRAME_ANCESTORS: variable(
    z
      .string()
      .optional()
      .transform(list)
      .refine((origins) => origins.every((origin) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin))),
    {
      description: "origines autorisées à intégrer le questionnaire `/integration/epds` dans une iframe (séparées par des espaces)",
      defaultText: "aucune",
      expected: "des origines comme https://maternite.example.fr, séparées par des espaces",
    },
  ),
  MAP_TILES_URL: variable(httpsUrl, {
    description:
      "modèle d'URL https des tuiles du fond de carte (`{z}`, `{x}`, `{y}`) ; recommandé : le plan IGN de la Géoplateforme (URL exacte et origine à autoriser dans `docs/data.md`, « Fond de carte ») ; sans lui, la carte montre un fond intégré (limites et noms des départements et des communes), sans aucun service extérieur",
    defaultText: "— (fond intégré)",
    expected: "une adresse https://…",
  }),
  MAP_TILES_ATTRIBUTION: variable(
    z
      .string()
      .optional()
      .transform((value) => value ?? null),
    { description: "mention à afficher sous la carte pour ce fond", defaultText: "—", expected: "un texte" },
  ),
  GEOCODER_URL: variable(httpsUrl, {
    description: "URL https d'un géocodeur compatible avec l'API Adresse (BAN), pour chercher une adresse en ligne",
    defaultText: "—",
    expected: "une adresse https://…",
  }),
  TRUST_PROXY: variable(
    z
      .string()
      .optional()
      .transform(list)
      .refine((entries) => entries.every(isProxyEntry)),
    {
      description:
        "adresses (ou plages CIDR, ou `loopback`) des relais inverses de confiance, séparées par des virgules, par exemple `10.0.0.5` ou `10.0.0.0/8` : seuls ces relais peuvent indiquer l'adresse du client (`X-Forwarded-For`, utilisée par le blocage des connexions) et le protocole HTTPS (`X-Forwarded-Proto`, qui déclenche l'en-tête HSTS et les cookies `Secure`) ; sans elle, ces en-têtes sont ignorés. À définir dès que le serveur est derrière un relais",
      defaultText: "aucun",
      expected: "des adresses IP ou plages CIDR (ex. 10.0.0.1, 10.0.0.0/8, loopback), séparées par des virgules",
    },
  ),
  PUBLIC_URL: variable(
    z
      .string()
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
        } catch {
          return false;
        }
      })
      .optional()
      .transform((value) => (value ? new URL(value) : null)),
    {
      description:
        "adresse publique du service (ex. `https://1000jours.example.fr`) ; son nom d'hôte signe les identifiants (UID) des événements des calendriers `.ics`",
      defaultText: "— (`mille-jours.local` dans les identifiants)",
      expected: "une adresse https://…",
    },
  ),
  STEERING_SESSION_IDLE_MINUTES: positive(120, "pilotage : une session se ferme après ce temps sans requête"),
  STEERING_SESSION_MAX_HOURS: positive(12, "pilotage : durée maximale d'une session, quelle que soit l'activité"),
  STEERING_LOCK_ACCOUNT_FAILURES: positiveWhole(
    5,
    "pilotage : échecs de connexion (ou de confirmation du mot de passe) sur un compte avant son blocage temporaire",
  ),
  STEERING_LOCK_IP_FAILURES: positiveWhole(20, "pilotage : échecs de connexion depuis une même adresse avant son blocage temporaire"),
  STEERING_LOCK_MINUTES: positive(15, "pilotage : fenêtre de comptage des échecs et durée du blocage"),
  PLACES_REFRESH_SECONDS: positive(
    60,
    "lieux : chaque copie du serveur regarde à cet intervalle si un import (fait par une autre copie ou en ligne de commande) a changé les lieux, et recharge alors son index ; c'est le délai maximal avant qu'un import soit servi partout",
    "un nombre positif de secondes",
  ),
  SHUTDOWN_DELAY_MS: millisecondsOrZero(
    0,
    "arrêt : après SIGTERM, temps pendant lequel la copie sert encore (avec `Connection: close`) mais se déclare indisponible (`/api/v1/health/ready` en 503), pour que le répartiteur cesse de lui envoyer des visiteurs ; un second signal l'abrège",
  ),
  SHUTDOWN_TIMEOUT_MS: millisecondsOrZero(
    10_000,
    "arrêt : attente maximale des requêtes en cours une fois le port fermé ; au-delà elles sont coupées et le code de sortie est 1",
  ),
  PG_BIN_DIR: variable(
    z
      .string()
      .optional()
      .transform((value) => value ?? null),
    {
      description:
        "sauvegarde et restauration PostgreSQL : dossier de `pg_dump` et `pg_restore` (de version au moins égale à celle du serveur PostgreSQL) ; par défaut le plus récent de `/usr/lib/postgresql/*/bin`, sinon le `PATH`",
      defaultText: "—",
      expected: "un chemin de dossier",
    },
  ),
  METRICS_PORT: variable(
    port.optional().transform((value) => value ?? null),
    {
      description: "port des métriques Prometheus (`GET /metrics`), distinct du port public et à ne pas publier par le relais ; sans lui, pas de métriques",
      defaultText: "— (pas de métriques)",
      expected: portExpected,
    },
  ),
  METRICS_HOST: variable(z.string().default("127.0.0.1"), {
    description: "adresse d'écoute des métriques (`0.0.0.0` pour un Prometheus sur une autre machine ou dans un conteneur)",
    defaultText: "`127.0.0.1`",
    expected: "une adresse ou un nom d'hôte",
  }),
  METRICS_TOKEN: variable(
    z
      .string()
      .min(16)
      .optional()
      .transform((value) => value ?? null),
    {
      description: "secret optionnel : s'il est défini, `GET /metrics` exige l'en-tête `Authorization: Bearer <METRICS_TOKEN>`",
      defaultText: "—",
      expected: "au moins 16 caractères",
    },
  ),
  CALLBACK_KEYS: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx): Keyring | null => {
        if (raw === undefined) return null;
        const keyring = parseKeyring(raw);
        if (typeof keyring === "string") {
          ctx.addIssue({ code: "custom", message: keyring });
          return z.NEVER;
        }
        return keyring;
      }),
    {
      description:
        "rappels : clés de chiffrement des demandes de rappel (AES-256-GCM), `id:clé` séparées par des virgules, chaque clé de 32 octets en base64 (`openssl rand -base64 32`) ; la première chiffre, toutes déchiffrent (rotation : `docs/rappel.md`). Sans elle, les demandes de rappel sont désactivées",
      defaultText: "— (rappels désactivés)",
      expected: "des entrées id:clé (32 octets en base64), séparées par des virgules",
      secret: true,
    },
  ),
  CALLBACK_CLOSED_RETENTION_DAYS: positive(30, "rappels : une demande clôturée est supprimée après ce nombre de jours", "un nombre positif de jours"),
  CALLBACK_MAX_RETENTION_DAYS: positive(
    90,
    "rappels : toute demande est supprimée au plus tard ce nombre de jours après son envoi, même non clôturée",
    "un nombre positif de jours",
  ),
  CALLBACK_PURGE_INTERVAL_MINUTES: positive(
    10,
    "rappels : intervalle de la tâche de suppression des demandes échues (et des compteurs anti-abus expirés)",
    "un nombre positif de minutes",
  ),
  CALLBACK_RATE_IP_MAX: positiveWhole(
    5,
    "rappels : demandes acceptées depuis une même adresse par fenêtre (l'adresse n'est gardée que sous forme d'empreinte, le temps de la fenêtre)",
  ),
  CALLBACK_RATE_IP_WINDOW_MINUTES: positive(60, "rappels : fenêtre du comptage par adresse", "un nombre positif de minutes"),
  CALLBACK_RATE_PHONE_MAX: positiveWhole(2, "rappels : demandes acceptées pour un même numéro de téléphone par fenêtre (empreinte HMAC du numéro)"),
  CALLBACK_RATE_PHONE_WINDOW_HOURS: positive(24, "rappels : fenêtre du comptage par numéro", "un nombre positif d'heures"),
  SMTP_URL: variable(
    z
      .string()
      .regex(/^smtps?:\/\/./)
      .optional()
      .transform((value) => value ?? null),
    {
      description:
        "rappels : serveur d'envoi des avis aux services (`smtp://utilisateur:mot-de-passe@hôte:587` ou `smtps://…:465`) ; l'avis ne contient aucune donnée personnelle. Sans lui, un avertissement est journalisé et les demandes restent visibles dans la boîte de réception du pilotage",
      defaultText: "— (pas d'avis par courriel)",
      expected: "une URL smtp://… ou smtps://…",
      secret: true,
    },
  ),
  SMTP_FROM: variable(z.string().min(3).default("Mille Jours <ne-pas-repondre@mille-jours.local>"), {
    description: "rappels : expéditeur des avis aux services",
    defaultText: "`Mille Jours <ne-pas-repondre@mille-jours.local>`",
    expected: "une adresse électronique, éventuellement avec un nom",
  }),
});

export type ServerConfig = z.output<typeof configSchema>;

/** The variables the command-line tools need to open the same database as the server. */
export const databaseConfigSchema = configSchema.pick({ DATA_DIR: true, DATABASE_URL: true });
/** What the backup and restore commands read. */
export const backupConfigSchema = configSchema.pick({ DATA_DIR: true, DATABASE_URL: true, PG_BIN_DIR: true });
export type DatabaseEnv = z.output<typeof databaseConfigSchema>;

/**
 * The database the server and every command open: PostgreSQL when DATABASE_URL is set, otherwise PGlite in
 * DATA_DIR/pglite (its folder is created, and locked for one process, when it is opened: src/server/db/database.ts).
 */
export function databaseTarget(config: DatabaseEnv): { databaseUrl: string } | { pgliteDir: string } {
  return config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { pgliteDir: join(resolve(config.DATA_DIR), "pglite") };
}

/**
 * The snapshot of the places' search index (src/server/places/index-snapshot.ts), with either database: written by the
 * server and by `npm run import:*`, read at start when it matches the data in place.
 */
export function placesSnapshotFile(config: DatabaseEnv): string {
  return join(resolve(config.DATA_DIR), "places-index.bin");
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `- ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws a ConfigError listing every bad variable in French. */
export function parseConfig<S extends z.ZodObject>(env: Record<string, string | undefined>, schema: S): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  const meta = (name: string) => metas.get(schema.shape[name] as z.ZodType);
  const shown = (name: string) => (meta(name)?.secret ? "valeur masquée" : `« ${env[name] ?? ""} »`);
  const why = (name: string) => {
    const custom = meta(name)?.secret ? result.error.issues.find((i) => i.path[0] === name && i.code === "custom")?.message : undefined;
    return custom ? `, ${custom}` : "";
  };
  throw new ConfigError(names.map((name) => `${name} invalide : ${shown(name)}${why(name)} (attendu : ${meta(name)?.expected ?? "une valeur valide"}).`));
}

/** Reads the configuration once; on a bad value prints the French message and exits (code 1). */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  return parseOrExit(env, configSchema);
}

/** Same for `npm run backup` and `npm run restore`. */
export function loadBackupConfig(env: Record<string, string | undefined> = process.env): z.output<typeof backupConfigSchema> {
  return parseOrExit(env, backupConfigSchema);
}

/** Same for the command-line tools, which need only the database variables. */
export function loadDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseEnv {
  return parseOrExit(env, databaseConfigSchema);
}

function parseOrExit<S extends z.ZodObject>(env: Record<string, string | undefined>, schema: S): z.output<S> {
  try {
    return parseConfig(env, schema);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The reference of every variable (name, description, default), in schema order: the README table is checked against it. */
export function configReference(): { name: string; description: string; defaultText: string }[] {
  return Object.entries(configSchema.shape).map(([name, schema]) => {
    const meta = metas.get(schema)!;
    return { name, description: meta.description, defaultText: meta.defaultText };
  });
}
