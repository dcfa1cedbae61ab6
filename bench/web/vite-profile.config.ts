import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import app from '../../apps/web/vite.config.ts';

// The web app built with MapLibre's unminified bundles, so a CPU profile names its
// functions (bench:pan's PAN_PROFILE). Build it outside apps/web/dist, and serve it:
//   npx vite build -c bench/web/vite-profile.config.ts --outDir /tmp/pan-dist
//   PAN_DIST=/tmp/pan-dist PAN_PROFILE=1 npx tsx bench/web/pan.ts

const MAPLIBRE_DIST = resolve(import.meta.dirname, '../../node_modules/maplibre-gl/dist');

export default mergeConfig(
  app,
  defineConfig({
    resolve: {
      alias: [
        { find: /^maplibre-gl$/, replacement: `${MAPLIBRE_DIST}/maplibre-gl-dev.mjs` },
        {
          find: /^maplibre-gl\/dist\/maplibre-gl-worker\.mjs/,
          replacement: `${MAPLIBRE_DIST}/maplibre-gl-worker-dev.mjs`,
        },
      ],
    },
    build: { minify: false },
  }),
);
