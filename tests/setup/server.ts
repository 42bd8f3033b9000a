import { existsSync } from "node:fs";
import { execSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startServer } from "../support/server.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One server for the end-to-end tests, on the built front end (built here when missing). */
export default async function setup(project: TestProject) {
  if (!existsSync("dist/index.html")) execSync("npm run build", { stdio: "inherit" });
  const server = await startServer();
  project.provide("baseUrl", server.url);
  return () => server.stop();
}
