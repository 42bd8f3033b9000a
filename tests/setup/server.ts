import { existsSync } from "node:fs";
import { execSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { prepareSeededDataDir, startServer } from "../support/server.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * One server for the end-to-end tests, on the built front end (built here when missing). A seeded data folder is made
 * first: this server and every server a test starts run on a copy of it.
 */
export default async function setup(project: TestProject) {
  if (!existsSync("dist/index.html")) execSync("npm run build", { stdio: "inherit" });
  const seeded = await prepareSeededDataDir();
  const server = await startServer();
  project.provide("baseUrl", server.url);
  return async () => {
    await server.stop();
    seeded.remove();
  };
}
