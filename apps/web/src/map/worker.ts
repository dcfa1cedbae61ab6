import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// MapLibre 6 looks for its worker beside its own module (import.meta.url). After bundling
// that is no longer where the file is, so the build ships the worker as an asset of its own
// and MapLibre is told its URL — same origin, no CDN.
export function pointToBundledWorker(): void {
  setWorkerUrl(workerUrl);
}
