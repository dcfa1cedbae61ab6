import { openStore } from '@atlas/store';
import { runImport, openSource } from '@atlas/import';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
const rows = 50000;
const out = createWriteStream('/tmp/p.csv');
out.write('名称,类型,经营地址,许可证号,经度,纬度\n');
for (let i = 0; i < rows; i++) { if (!out.write(`第${i}号网吧,网吧,纸坊街${i}号,L${i},${114.1 + (i % 1000) / 3000},${30.1 + i / 200000}\n`)) await once(out, 'drain'); }
out.end(); await once(out, 'finish');
let t = performance.now();
const o = await openSource('/tmp/p.csv', { layer: 'stores' });
let n = 0; for await (const b of o.batches) n += b.length;
console.log('read', n, (performance.now() - t).toFixed(0));
const store = await openStore('/tmp/p.duckdb');
t = performance.now();
const r = await runImport(store, '/tmp/p.csv', { layer: 'stores' }, { mode: process.argv[2] as 'commit' });
console.log(process.argv[2], r.counts.valid, (performance.now() - t).toFixed(0));
await store.close();
