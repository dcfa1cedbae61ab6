import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app is served by the API on the same origin in production; in development Vite
// forwards /api, the vector tiles (/tiles.json, /tiles/…) and the bureau basemap (/basemap…) to it. ATLAS_API_URL is the only environment variable the web app reads.
const DEFAULT_API_URL = 'http://127.0.0.1:8080';
/** MapLibre alone is about 1 MB minified, @atlas/geo (GeographicLib, proj4) adds ~0.2 MB;
 *  the app is served from the same machine. */
const CHUNK_SIZE_WARNING_KB = 2000;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: CHUNK_SIZE_WARNING_KB },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/tiles', '/basemap'].map((path) => [
        path,
        { target: process.env.ATLAS_API_URL ?? DEFAULT_API_URL },
      ]),
    ),
  },
});
