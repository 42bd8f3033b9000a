import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort, waitForHealth } from "./test-server.js";

describe("waitForHealth (start of the servers the tests spawn)", () => {
  it("stops a process that never answers once the wait is over, so that no server is left behind", async () => {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    const url = `http://127.0.0.1:${await freePort()}`;
    try {
      await expect(waitForHealth(child, url, 300)).rejects.toThrow(/did not start/);
      expect(await exited).toBe("SIGTERM");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("reports a process that exits before answering, with its output", async () => {
    const child = spawn(process.execPath, ["-e", "process.exit(3)"], { stdio: "ignore" });
    await new Promise((resolve) => child.once("exit", resolve));
    await expect(waitForHealth(child, "http://127.0.0.1:9", 10_000, () => "sortie du serveur")).rejects.toThrow(/exited with code 3: sortie du serveur/);
  });
});
