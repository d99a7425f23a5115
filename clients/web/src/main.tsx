// Entry point: renews the session from its cookie (if any) while the first screen renders.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { renew } from './auth/session.ts';
import { registerServiceWorker } from './pwa/register.ts';
import './styles.css';

void renew();
registerServiceWorker();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
