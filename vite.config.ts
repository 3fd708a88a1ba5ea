import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The preview server is what Playwright tests (playwright.config.ts): pinned to
// IPv4 loopback and a fixed port so the test runner and server always agree.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-yaml's worker helper imports `monaco-editor/esm/vs/...`, a path monaco-editor 0.57's
      // package exports no longer map (they expose `monaco-editor/<path>` for `esm/vs/<path>.js`).
      { find: /^monaco-editor\/esm\/vs\/(.*\.css)$/, replacement: fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/$1', import.meta.url)) },
      { find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/, replacement: fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/$1.js', import.meta.url)) },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  // The engine is planned to run in a Web Worker (see ARCHITECTURE.md); ES-module workers.
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
