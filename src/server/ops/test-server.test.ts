import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort, readLines, waitForHealth, waitForReadyLine } from "./test-server.js";

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

  it("reads the port from the « Mille Jours prêt » line, also when it comes in pieces cut inside a character", async () => {
    // The line written in two parts, the second 300 ms later, cut between the two bytes of « ê ».
    const line = Buffer.from(`${JSON.stringify({ level: 30, port: 4321, msg: "Mille Jours prêt sur http://localhost:4321" })}\n`);
    const cut = line.indexOf(Buffer.from("ê")) + 1;
    const script = `const line = Buffer.from(process.argv[1], "base64"); process.stdout.write(line.subarray(0, ${cut})); setTimeout(() => process.stdout.write(line.subarray(${cut})), 300); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["-e", script, line.toString("base64")], { stdio: ["ignore", "pipe", "pipe"] });
    const logs: Record<string, unknown>[] = [];
    readLines(child, (text) => logs.push(JSON.parse(text) as Record<string, unknown>));
    try {
      expect((await waitForReadyLine(child, logs, 60_000)).port).toBe(4321);
      expect(logs).toHaveLength(1);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("reports a server that exits before it is ready, with its output", async () => {
    const child = spawn(process.execPath, ["-e", "process.exit(4)"], { stdio: ["ignore", "pipe", "pipe"] });
    await new Promise((resolve) => child.once("exit", resolve));
    await expect(waitForReadyLine(child, [], 10_000, () => "sortie du serveur")).rejects.toThrow(/exited with code 4: sortie du serveur/);
  });
});
