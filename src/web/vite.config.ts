// Builds the portal into dist/portal, which the hub serves at / (src/api/portal.ts). `npm run dev`
// serves it from here with hot reload and sends API calls to a running hub (PSAHUB_DEV_HUB, default
// http://localhost:8080), so the session cookie and CSRF token work as in production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hub = process.env.PSAHUB_DEV_HUB ?? 'http://localhost:8080';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../../dist/portal',
    emptyOutDir: true,
    // No inline scripts or data: URIs, so the Content-Security-Policy can stay strict.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/healthz', '/readyz'].map((p) => [p, { target: hub }])),
  },
});
