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
      {
        PORT: "8080",
        TRUST_PROXY: "10.0.0.0/8, loopback ::1",
        PUBLIC_URL: "https://1000jours.example.fr",
        EPDS_FRAME_ANCESTORS: "https://a.fr http://b.fr:8080",
        STEERING_SESSION_MAX_HOURS: "1.5",
      },
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

describe("call-back settings", () => {
  const key = (n: number) => Buffer.alloc(32, n).toString("base64");

  it("reads the keys: the first encrypts, all decrypt", () => {
    const config = parseConfig({ CALLBACK_KEYS: `k2027:${key(2)}, k2026:${key(1)}` }, configSchema);
    expect(config.CALLBACK_KEYS?.current.id).toBe("k2027");
    expect([...config.CALLBACK_KEYS!.byId.keys()]).toEqual(["k2027", "k2026"]);
    expect(parseConfig({}, configSchema).CALLBACK_KEYS).toBeNull();
    expect(parseConfig({}, configSchema)).toMatchObject({ CALLBACK_CLOSED_RETENTION_DAYS: 30, CALLBACK_MAX_RETENTION_DAYS: 90, SMTP_URL: null });
  });

  it.each([
    [`k1:${Buffer.alloc(16).toString("base64")}`, "la clé « k1 » doit faire 32 octets"],
    [`${key(1)}`, "entrée n° 1 : identifiant de clé manquant"],
    [`a:${key(1)},a:${key(2)}`, "identifiant de clé « a » en double"],
  ])("refuses a bad key list without ever repeating a key: %s", (value, reason) => {
    try {
      parseConfig({ CALLBACK_KEYS: value }, configSchema);
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("CALLBACK_KEYS invalide : valeur masquée");
      expect(message).toContain(reason);
      for (const part of value.split(/[,:]/)) if (part.length > 8) expect(message).not.toContain(part);
    }
  });

  it("never repeats the SMTP URL (it holds a password)", () => {
    try {
      parseConfig({ SMTP_URL: "http://user:secret-password@mail.example" }, configSchema);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain("SMTP_URL invalide : valeur masquée");
      expect((error as Error).message).not.toContain("secret-password");
    }
  });
});
