/**
 * The process's life as the health checks and the shutdown see it: `draining` from the first SIGTERM,
 * when readiness answers 503 so that a load balancer sends new visitors to another copy.
 */
export interface Lifecycle {
  draining: boolean;
}

export function newLifecycle(): Lifecycle {
  return { draining: false };
}
