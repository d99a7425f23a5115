// Installs the service worker (public/sw.js) once the page has loaded, where the browser has them and the page is
// served over HTTPS or from localhost.
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without it the app works as before, online only.
    });
  });
}
