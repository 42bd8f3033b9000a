import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./accounts.js";

describe("password policy", () => {
  it("refuses short, repetitive or identifier-based passwords", () => {
    expect(checkNewPassword("court")).toMatch(/au moins 12/);
    expect(checkNewPassword("aaaaaaaaaaaaaaaa")).toMatch(/répétitif/);
    expect(checkNewPassword("claire.martin2026!", "claire.martin@ars.sante.fr")).toMatch(/identifiant/);
    expect(checkNewPassword("une phrase de passe solide")).toBeNull();
    expect(checkNewPassword("x".repeat(201))).toMatch(/dépasser 200/);
  });
});
