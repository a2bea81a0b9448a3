import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  // Monaco is large but loaded lazily, after the app is up.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 3000 },
});
