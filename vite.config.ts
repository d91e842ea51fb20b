import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app: index.html at the repo root loads /src/web/main.tsx; the build goes to dist/web,
// which the API server serves (hashed assets under /assets). In development `/api` is proxied
// to the API server on port 3000.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Officers on slow links: the shell is small; every page is its own lazily loaded chunk.
    // The libraries every page needs get their own long-cached chunks, so a new release of the
    // app does not make officers download React again. (Mantine is left to the automatic
    // splitting: grouping it would pull page-only components into the first load.)
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            {
              name: 'vendor',
              test: /node_modules[\\/](react-router|react-router-dom|@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
