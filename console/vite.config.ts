import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API server under /console/ (same origin, so the API needs no CORS).
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/v1': 'http://localhost:3000', '/metrics': 'http://localhost:3000' } },
});
