import { describe, expect, it } from "vitest";
import { keyedHash, open, parseKeyring, seal, UnreadableError, type Keyring } from "./crypto.js";

const key = (n: number) => Buffer.alloc(32, n).toString("base64");
const ring = (raw: string): Keyring => {
  const parsed = parseKeyring(raw);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
};

describe("AES-256-GCM sealing", () => {
  const keyring = ring(`a:${key(1)}`);

  it("round-trips, with a fresh IV each time", () => {
    const one = seal(keyring, '{"name":"Léa"}', "row-1");
    const two = seal(keyring, '{"name":"Léa"}', "row-1");
    expect(one.keyId).toBe("a");
    expect(one.sealed).not.toBe(two.sealed);
    expect(one.sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(one.sealed).not.toContain("Léa");
    expect(open(keyring, "a", one.sealed, "row-1")).toBe('{"name":"Léa"}');
  });

  it("refuses other associated data, a changed byte, an unknown key, another key with the same id", () => {
    const { sealed } = seal(keyring, "secret", "row-1");
    expect(() => open(keyring, "a", sealed, "row-2")).toThrow(UnreadableError);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0]! ^= 1;
    expect(() => open(keyring, "a", [parts[0], parts[1], parts[2], body.toString("base64url")].join("."), "row-1")).toThrow(UnreadableError);
    expect(() => open(keyring, "b", sealed, "row-1")).toThrow("clé « b » absente de CALLBACK_KEYS");
    expect(() => open(ring(`a:${key(9)}`), "a", sealed, "row-1")).toThrow(UnreadableError);
    expect(() => open(keyring, "a", "v2.x.y.z", "row-1")).toThrow("format inconnu");
  });

  it("rotation: the new first key writes, the old one still reads what it wrote", () => {
    const before = seal(ring(`old:${key(1)}`), "écrit avec l'ancienne clé", "row");
    const rotated = ring(`new:${key(2)},old:${key(1)}`);
    expect(open(rotated, before.keyId, before.sealed, "row")).toBe("écrit avec l'ancienne clé");
    const after = seal(rotated, "écrit avec la nouvelle", "row");
    expect(after.keyId).toBe("new");
    // Once the old key is removed, only what it wrote becomes unreadable.
    const withoutOld = ring(`new:${key(2)}`);
    expect(open(withoutOld, after.keyId, after.sealed, "row")).toBe("écrit avec la nouvelle");
    expect(() => open(withoutOld, before.keyId, before.sealed, "row")).toThrow(UnreadableError);
  });

  it("keyed hashes: stable for a key, different per kind and per key, the value never visible", () => {
    const h = keyedHash(keyring, "tel", "0612345678");
    expect(h).toBe(keyedHash(keyring, "tel", "0612345678"));
    expect(h).toMatch(/^tel:[\w-]{32}$/);
    expect(h).not.toContain("0612345678");
    expect(keyedHash(keyring, "ip", "0612345678")).not.toBe(h.replace("tel:", "ip:"));
    expect(keyedHash(ring(`a:${key(2)}`), "tel", "0612345678")).not.toBe(h);
  });
});
