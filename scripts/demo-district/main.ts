import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateDistrict } from './generate.ts';
import { writeDistrict } from './write.ts';

// CLI: npx tsx scripts/demo-district/main.ts [--seed N] [--out dir]
// Writes data/demo/<layer>.geojson and manifest.json (the fictional 云溪县 demo district).

const DEFAULT_OUT = fileURLToPath(new URL('../../data/demo/', import.meta.url));

const { values } = parseArgs({
  options: { seed: { type: 'string' }, out: { type: 'string' } },
});
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error(`--seed must be a non-negative integer, got ${values.seed}`);
  process.exit(2);
}
const outDir = values.out ?? DEFAULT_OUT;
const district = generateDistrict(seed);
const files = await writeDistrict(district, outDir);
console.log(`demo district seed ${seed} → ${outDir}`);
for (const [layer, n] of Object.entries(district.manifest.counts))
  console.log(`  ${layer.padEnd(12)} ${n}`);
console.log(`  planted cases ${district.manifest.planted.length}; files: ${files.join(', ')}`);
