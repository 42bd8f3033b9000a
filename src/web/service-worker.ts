import { registerSW } from "virtual:pwa-register";

/** Installs the service worker that keeps the app shell available offline (production builds only). */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  registerSW({ immediate: true });
}
