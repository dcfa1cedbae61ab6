// Opens a database once, writable, so that openStore migrates it; prints the time taken as
// JSON. Run by main.ts in a child process, so the migration's memory is not the bench's.
import { openStore } from '@atlas/store';

const path = process.argv[2];
if (!path) throw new Error('usage: tsx bench/search/migrate-copy.ts <database file>');
const started = performance.now();
const store = await openStore(path);
const version = await store.schemaVersion();
await store.close();
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ ms: Math.round(performance.now() - started), version, peakRssMb }));
