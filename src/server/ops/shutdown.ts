import type { FastifyInstance } from "fastify";
import type { Lifecycle } from "./lifecycle.js";

export interface ShutdownOptions {
  app: FastifyInstance;
  lifecycle: Lifecycle;
  /**
   * After the signal, how long the copy keeps accepting requests while readiness answers 503
   * (SHUTDOWN_DELAY_MS), so that the load balancer stops sending visitors before the port closes.
   * A second signal ends this delay at once.
   */
  delayMs: number;
  /** Upper bound on the wait for in-flight requests once the port is closed (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  /** Releases what the server holds (places refresh timer, database), after the last request. */
  release(): Promise<void>;
  exit(code: number): void;
}

/**
 * Graceful stop on SIGTERM/SIGINT: readiness 503 and `Connection: close` on every answer (drain delay,
 * see `installOps`),
 * then the port closes and the requests in flight finish (bounded by the timeout: what is left is then
 * cut and the exit code is 1), then the database is closed and the process exits with 0.
 */
export function installShutdown({ app, lifecycle, delayMs, timeoutMs, release, exit }: ShutdownOptions): (signal: string) => void {
  let endDelay: (() => void) | null = null;

  async function stop(signal: string): Promise<void> {
    lifecycle.draining = true;
    app.log.info({ signal, delayMs, timeoutMs }, "arrêt demandé : la copie ne se déclare plus disponible");
    if (delayMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        endDelay = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    endDelay = null;
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      app.log.warn({ timeoutMs }, "des requêtes n'étaient pas finies à l'échéance : elles sont coupées");
      app.server.closeAllConnections();
    }, timeoutMs);
    await app.close();
    clearTimeout(deadline);
    app.log.info("plus aucune requête en cours");
    await release();
    app.log.info("base de données fermée, arrêt");
    exit(timedOut ? 1 : 0);
  }

  let stopping: Promise<void> | null = null;
  return (signal: string) => {
    if (stopping) {
      endDelay?.();
      return;
    }
    stopping = stop(signal).catch((error: unknown) => {
      app.log.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "échec de l'arrêt");
      exit(1);
    });
  };
}
