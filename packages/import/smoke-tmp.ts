import { openStore } from '@atlas/store';
import { runImport } from '@atlas/import';
const store = await openStore(':memory:');
const r = await runImport(store, process.argv[2]!, { layer: (process.argv[3] ?? 'stores') as 'stores' }, { mode: (process.argv[4] ?? 'preview') as 'preview' });
console.log(JSON.stringify({ ...r, rows: r.rows.slice(0, 2) }, null, 1).slice(0, 5000));
if (process.argv[4] === 'commit') { const again = await runImport(store, process.argv[2]!, { layer: 'stores' }, { mode: 'commit' }); console.log(again.counts, again.problems); }
await store.close();
