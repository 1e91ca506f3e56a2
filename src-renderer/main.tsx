// Base styles first, so every component's own stylesheet comes after them.
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToHost } from './api/connect-host';
import { useHostAccessStore } from './api/host-access-store';
import { forgetWebToken } from './api/web-token';
import { App } from './app/App';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lacks #root');
const root = createRoot(container);

// In the web host the page first trades its launch code for a session token (one local request).
void connectToHost(window, () => {
  forgetWebToken(window.sessionStorage);
  useHostAccessStore.getState().markRefused();
}).then((connection) =>
  root.render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  ),
);
