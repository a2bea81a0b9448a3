import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // Pre-bundle the editor's dependencies at start-up, so the first visit is not reloaded
  // when the lazily loaded editor asks for them.
  optimizeDeps: { include: ['monaco-editor', 'monaco-yaml', 'monaco-yaml/yaml.worker.js', 'fflate'] },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  // Monaco is large but loaded lazily, after the app is up.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 3000 },
});
