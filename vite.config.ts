/**
 * The web app's build (Vite + React): root src/web, output dist/web, served by the Fastify server
 * (src/server/platform/web-app.ts). Everything is bundled: no CDN, works offline.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './src/cli/web-precompress.ts';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // precompress: a .br and a .gz beside each built file, served by content negotiation (src/server/platform/web-app.ts).
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // ECharts is large: its own chunk, imported when a chart is drawn (src/web/shared/chart.tsx).
    chunkSizeWarningLimit: 700,
    // The public knowledge-bank pages are server-rendered; their map script is a second, small entry (found through the manifest).
    manifest: true,
    // Every browser the app supports has modulepreload: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        'public-map': fileURLToPath(new URL('./src/web/public-map/main.ts', import.meta.url)),
        // The sign-in page is server-rendered too (the first page everyone loads): its form script is a third entry.
        'sign-in': fileURLToPath(new URL('./src/web/sign-in/main.ts', import.meta.url)),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
