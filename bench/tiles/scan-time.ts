import { openStore } from '@atlas/store';
import { LAYER_NAMES } from '@atlas/model';
const store = await openStore(process.argv[2]!);
for (const layer of LAYER_NAMES) {
  const t = performance.now();
  let n = 0;
  for await (const b of store.scan(layer, 512)) n += b.length;
  console.log(layer, n, Math.round(performance.now() - t), 'ms', Math.round(process.memoryUsage().rss / 2 ** 20), 'MB');
}
global.gc?.();
const m = process.memoryUsage();
console.log(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v / 2 ** 20)])));
await store.close();
global.gc?.();
console.log('closed', Math.round(process.memoryUsage().rss / 2 ** 20));
