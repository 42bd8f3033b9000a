import { describe, expect, it } from "vitest";
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword } from "./password.js";

describe("password hashing (scrypt)", () => {
  it("hashes with the documented parameters, a random salt, and verifies in constant time", async () => {
    const started = performance.now();
    const hash = await hashPassword("un mot de passe correct");
    const ms = performance.now() - started;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(ms).toBeGreaterThan(5); // memory-hard: not instantaneous
    expect(await hashPassword("un mot de passe correct")).not.toBe(hash);
    expect(await verifyPassword("un mot de passe correct", hash)).toBe(true);
    expect(await verifyPassword("un mot de passe correcT", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it("treats composed and decomposed accents alike (NFC)", async () => {
    const hash = await hashPassword("crème brûlée du matin", { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword("cre\u0300me bru\u0302le\u0301e du matin", hash)).toBe(true);
  });

  it("never matches a malformed hash, and asks to rehash weaker parameters", async () => {
    for (const stored of ["", "scrypt$", "bcrypt$2b$10$abc", "scrypt$0$8$1$AAAA$AAAA", "scrypt$x$8$1$AAAA$AAAA"])
      expect(await verifyPassword("x", stored)).toBe(false);
    expect(needsRehash(await hashPassword("un mot de passe correct", { N: 1024, r: 8, p: 1 }))).toBe(true);
    expect(DEFAULT_SCRYPT).toEqual({ N: 32768, r: 8, p: 1 });
  });
});
