import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { initI18n } from './i18n/i18n';
import { registerServiceWorker } from './offline/register';
import { reloadOnStaleChunks } from './offline/stale-build';
import { router } from './router';
import { SessionProvider } from './session/session-context';
import './styles.css';

registerServiceWorker();
reloadOnStaleChunks();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

/**
 * The translations themselves failed to load (a release replaced them, or the network dropped):
 * a few words in each language and a reload button, since nothing translated can be shown.
 */
function showStartFailure(element: HTMLElement): void {
  const main = document.createElement('main');
  main.className = 'boot';
  const text = document.createElement('p');
  text.textContent = 'Assay could not start. · Assay n’a pas pu démarrer. · Assay no pudo iniciarse.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload · Recharger · Recargar';
  button.addEventListener('click', () => window.location.reload());
  main.append(text, button);
  element.replaceChildren(main);
}

initI18n().then(
  () =>
    createRoot(root).render(
      <StrictMode>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </StrictMode>,
    ),
  () => showStartFailure(root),
);
