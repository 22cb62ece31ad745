/**
 * Registers the service worker of production builds (none under `npm run dev`, where Vite serves
 * modules that must not be cached). Browsers without service workers simply stay online-only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/service-worker.js', { scope: '/', updateViaCache: 'none' })
      .catch((error: unknown) => console.warn('Service worker not registered', error));
  });
}
