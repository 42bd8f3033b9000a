import type { TestProject } from "vitest/node";
import { startPostgres } from "../support/postgres-cluster.js";

/** Starts a throwaway PostgreSQL cluster for the integration tests (tests/support/postgres-cluster.ts), stopped at the end. */
declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default function setup(project: TestProject) {
  const cluster = startPostgres({ port: 55432, settings: [] });
  if (!cluster)
    throw new Error(
      "PostgreSQL est introuvable (/usr/lib/postgresql/*/bin/initdb). Installez-le : apt-get install -y postgresql (les tests d'intégration tournent sur PGlite et sur PostgreSQL).",
    );
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
