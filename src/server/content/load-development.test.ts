import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDevelopmentContent } from "./load-development.js";

const root = fileURLToPath(new URL("../../../content", import.meta.url));

describe("content/developpement", () => {
  it("holds the 51 items of the 2024 grid from 6 months to 3 years, in French", async () => {
    const fr = (await loadDevelopmentContent(root)).get("fr")!;
    expect(fr.bands.map((b) => [b.id, b.items.length])).toEqual([
      ["6-mois", 9],
      ["12-mois", 12],
      ["18-mois", 9],
      ["24-mois", 11],
      ["3-ans", 10],
    ]);
    expect(fr.bands[0]!.items[0]!.text).toBe("Tient sa tête stable sans osciller (attendu à 4 mois)");
    expect(fr.bands[2]!.domainLabels.langage).toBe("Langage oral");
  });

  it("refuses a file whose item sits in a domain its band does not have, naming file and field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dev-content-"));
    await mkdir(join(dir, "developpement"));
    const fr = JSON.parse(await readFile(join(root, "developpement", "fr.json"), "utf8"));
    fr.bands[0].items[0].domain = "cognition";
    await writeFile(join(dir, "developpement", "fr.json"), JSON.stringify(fr));
    await expect(loadDevelopmentContent(dir)).rejects.toThrow(/content\/developpement\/fr\.json.*bands\.0\.items\.0\.domain.*cognition/s);
  });
});
