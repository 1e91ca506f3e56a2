// Base styles first, so every component's own stylesheet comes after them.
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToHost } from './api/connect-host';
import { useHostAccessStore } from './api/host-access-store';
import { forgetWebToken } from './api/web-token';
import { App } from './app/App';

const connection = connectToHost(window, () => {
  forgetWebToken(window.sessionStorage);
  useHostAccessStore.getState().markRefused();
});

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lacks #root');

createRoot(container).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
