import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Vite's config runs in Node, so it lives beside package.json, outside the DOM-only renderer.
const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * The production Content-Security-Policy. It is added only to the built page: Vite's dev
 * server injects inline scripts and styles (hot reload) that a strict policy would block.
 * The built bundle needs no inline code, so neither 'unsafe-inline' nor 'unsafe-eval'.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // pdf.js's worker (src-renderer/documents/pdf-renderer.ts), a file of the build itself.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // Documents are drawn by the app's own viewer onto canvas: nothing is framed, no plugin runs.
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function strictCsp(): Plugin {
  return {
    name: 'ventanilla-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The renderer is served by the web host from dist/renderer and loaded by Electron from
 * files, so every asset URL is relative (`base: './'`).
 *
 * `npm run dev:renderer` proxies /api and the launch exchange to a running web host
 * (VENTANILLA_PORT, default 5180); open the dev URL with the `#launch=` fragment of an address
 * the web host printed (one use each).
 */
const devApiTarget = `http://127.0.0.1:${process.env['VENTANILLA_PORT'] ?? '5180'}`;

export default defineConfig({
  root,
  base: './',
  plugins: [react(), strictCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: {
    strictPort: false,
    // The web host accepts only its own Host and Origin, so the proxy presents both.
    proxy: {
      '/api': { target: devApiTarget, changeOrigin: true, headers: { origin: devApiTarget } },
      '/launch': { target: devApiTarget, changeOrigin: true, headers: { origin: devApiTarget } },
    },
  },
});
