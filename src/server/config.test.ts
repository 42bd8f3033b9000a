import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, configSchema, parseConfig } from "./config.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("server configuration", () => {
  it("gives every variable its default when the environment is empty (an empty value counts as unset)", () => {
    const config = parseConfig({ STEERING_LOCK_MINUTES: "", PORT: "" }, configSchema);
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: "0.0.0.0",
      DATA_DIR: "var",
      LOG_LEVEL: "info",
      TRUST_PROXY: [],
      PUBLIC_URL: null,
      EPDS_FRAME_ANCESTORS: [],
      MAP_TILES_URL: null,
      STEERING_LOCK_ACCOUNT_FAILURES: 5,
      STEERING_LOCK_IP_FAILURES: 20,
      STEERING_LOCK_MINUTES: 15,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("reads lists, numbers and URLs", () => {
    const config = parseConfig(
      { PORT: "8080", TRUST_PROXY: "10.0.0.0/8, loopback ::1", PUBLIC_URL: "https://1000jours.example.fr", EPDS_FRAME_ANCESTORS: "https://a.fr http://b.fr:8080", STEERING_SESSION_MAX_HOURS: "1.5" },
      configSchema,
    );
    expect(config.PORT).toBe(8080);
    expect(config.TRUST_PROXY).toEqual(["10.0.0.0/8", "loopback", "::1"]);
    expect(config.PUBLIC_URL?.hostname).toBe("1000jours.example.fr");
    expect(config.EPDS_FRAME_ANCESTORS).toEqual(["https://a.fr", "http://b.fr:8080"]);
    expect(config.STEERING_SESSION_MAX_HOURS).toBe(1.5);
  });

  it.each([
    ["PORT", "abc", "un nombre entre 0 et 65535"],
    ["PORT", "70000", "un nombre entre 0 et 65535"],
    ["TRUST_PROXY", "true", "des adresses IP ou plages CIDR"],
    ["TRUST_PROXY", "10.0.0.0/33", "des adresses IP ou plages CIDR"],
    ["PUBLIC_URL", "mille-jours.fr", "une adresse https://"],
    ["DATABASE_URL", "mysql://localhost/db", "une URL postgresql://"],
    ["LOG_LEVEL", "bavard", "fatal, error, warn, info"],
    ["MAP_TILES_URL", "http://tuiles.example/{z}/{x}/{y}.png", "une adresse https://"],
    ["EPDS_FRAME_ANCESTORS", "maternite.example.fr", "des origines comme https://"],
    ["STEERING_LOCK_ACCOUNT_FAILURES", "2.5", "un nombre entier positif"],
    ["STEERING_LOCK_MINUTES", "-3", "un nombre positif"],
  ])("refuses %s=%s with a French message naming the variable", (name, value, expected) => {
    expect(() => parseConfig({ [name]: value }, configSchema)).toThrow(ConfigError);
    try {
      parseConfig({ [name]: value }, configSchema);
    } catch (error) {
      expect((error as Error).message).toContain(`${name} invalide : « ${value} » (attendu : ${expected}`);
    }
  });

  it("stops the server before any work, with the French message, on a bad value", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "trois-mille", TRUST_PROXY: "*", DATA_DIR: "/nonexistent/never-created" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT invalide : « trois-mille »");
    expect(result.stderr).toContain("TRUST_PROXY invalide : « * »");
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
