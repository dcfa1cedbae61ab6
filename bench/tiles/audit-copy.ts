import { auditAndSave } from '@atlas/audit';
import { profileChain, readShippedProfiles, resolveProfiles } from '@atlas/rules';
import { openStore } from '@atlas/store';

// Child process of bench:tiles: audits its copy of the province with the Hubei profile and
// saves the run, so that the tile source loads the audit layers (perimeter rings, violation
// lines) as a bureau's server would. Run apart so that the audit's own memory stays out of
// the tile server's RSS. Prints {"findings": n, "ms": t} on its last line.

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: tsx bench/tiles/audit-copy.ts <province copy.duckdb>');
const chain = profileChain('hubei', readShippedProfiles());
if (!chain.ok) throw new Error(`hubei profile: ${JSON.stringify(chain.problems)}`);
const resolved = resolveProfiles(chain.chain);
if (!resolved.ok) throw new Error(`hubei profile: ${JSON.stringify(resolved.problems)}`);
const store = await openStore(dbPath);
const started = performance.now();
const { result } = await auditAndSave(store, resolved.profile);
await store.close();
console.log(
  JSON.stringify({
    findings: result.findings.length,
    ms: Math.round(performance.now() - started),
  }),
);
