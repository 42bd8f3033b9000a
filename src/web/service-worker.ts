/**
 * Installs the service worker that keeps the app available offline (production builds only). The worker
 * activates and takes control by itself (skipWaiting, clientsClaim), so the plain browser API is enough.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  const register = () => void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
