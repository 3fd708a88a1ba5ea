import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The preview server is what Playwright tests (playwright.config.ts): pinned to
// IPv4 loopback and a fixed port so the test runner and server always agree.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  // The engine is planned to run in a Web Worker (see ARCHITECTURE.md); ES-module workers.
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
