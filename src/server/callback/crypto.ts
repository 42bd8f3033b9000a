import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Application-level encryption of call-back requests: AES-256-GCM (authenticated) with node:crypto.
 *
 * Keys come from the environment (CALLBACK_KEYS, src/server/config.ts) as `id:base64key` entries separated by
 * commas; each key is 32 random bytes (`openssl rand -base64 32`). The FIRST entry encrypts new data; every
 * entry decrypts. Rotation (docs/rappel.md): put a new key first and keep the old ones after it; requests
 * are rewritten with the current key whenever they change, and none outlives the maximum retention, so an
 * old key may be removed once that delay has passed since it stopped being first.
 *
 * Format of a sealed value: `v1.<iv>.<tag>.<ciphertext>` (base64url; 96-bit random IV, 128-bit tag). The
 * associated data binds a value to its row (id and département): a payload copied onto another row does not
 * open.
 */

export interface CallbackKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  /** The key that encrypts. */
  current: CallbackKey;
  byId: ReadonlyMap<string, Buffer>;
  /** Key for the keyed hashes of the rate limits (derived from the current key with HKDF). */
  hmacKey: Buffer;
}

/** Parses `id:base64,id:base64`; returns a French error message for a bad entry. */
export function parseKeyring(raw: string): Keyring | string {
  const entries = raw.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return "aucune clé";
  const byId = new Map<string, Buffer>();
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(":");
    const id = colon === -1 ? "" : entry.slice(0, colon);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) return `entrée n° ${index + 1} : identifiant de clé manquant ou invalide avant « : » (lettres, chiffres, - ou _)`;
    const key = Buffer.from(entry.slice(colon + 1), "base64");
    if (key.length !== 32) return `la clé « ${id} » doit faire 32 octets encodés en base64 (openssl rand -base64 32)`;
    if (byId.has(id)) return `identifiant de clé « ${id} » en double`;
    byId.set(id, key);
  }
  const [firstId, firstKey] = [...byId][0]!;
  return {
    current: { id: firstId, key: firstKey },
    byId,
    hmacKey: Buffer.from(hkdfSync("sha256", firstKey, Buffer.alloc(0), "mille-jours rappel limites", 32)),
  };
}

export function seal(keyring: Keyring, plaintext: string, associatedData: string): { keyId: string; sealed: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return { keyId: keyring.current.id, sealed: ["v1", iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".") };
}

export class UnreadableError extends Error {}

/** Opens a sealed value; throws UnreadableError for an unknown key, a changed value or other associated data. */
export function open(keyring: Keyring, keyId: string, sealed: string, associatedData: string): string {
  const key = keyring.byId.get(keyId);
  if (!key) throw new UnreadableError(`clé « ${keyId} » absente de CALLBACK_KEYS`);
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || iv === undefined || tag === undefined || ciphertext === undefined) throw new UnreadableError("format inconnu");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableError("authentification du chiffré impossible");
  }
}

/** Keyed hash for the rate-limit counters: the address or the phone number is never stored. */
export function keyedHash(keyring: Keyring, kind: string, value: string): string {
  return `${kind}:${createHmac("sha256", keyring.hmacKey).update(`${kind}\u0000${value}`).digest("base64url").slice(0, 32)}`;
}
