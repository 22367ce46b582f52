import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/board.css';
import './styles/order-card-alerts.css';
import './styles/order.css';
import './styles/pages.css';
import './styles/tracker.css';
import './styles/printers.css';
import './styles/choices.css';
import './styles/modifier-editor.css';
import './styles/narrow.css';

// The app shell survives a reload without network (the data already does, in IndexedDB).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
