import type { ImportReport } from '@atlas/import';

// A report as a person reads it in a terminal.

const PROBLEMS_SHOWN = 30;

export function formatReport(r: ImportReport, dryRun: boolean): string {
  const c = r.counts;
  const lines = [
    `${r.file.name}: ${r.file.format ?? 'unreadable'}${r.file.encoding ? `, ${r.file.encoding} (${r.file.encodingBasis})` : ''}, ${r.file.bytes} bytes → ${r.layer}`,
  ];
  if (r.crs)
    lines.push(
      `CRS: ${r.crs.crs ?? '?'} — ${r.crs.reason}${r.crs.confirmed ? '' : '  [NOT CONFIRMED]'}`,
    );
  if (r.swap?.swap) lines.push(`x/y: swapped${r.swap.offered ? ' (offered, NOT CONFIRMED)' : ''}`);
  if (r.mapping.matches.length) {
    lines.push(
      `columns: ${r.mapping.matches.map((m) => `${m.field}←${m.column}${m.confidence === 'unsure' ? '?' : ''}`).join(', ')}`,
    );
  }
  if (r.mapping.unused.length) lines.push(`unused columns: ${r.mapping.unused.join(', ')}`);
  for (const cat of r.categories.slice(0, 15)) {
    lines.push(
      `  category "${cat.text}" → ${cat.categories.join('+')}${cat.subtype ? `/${cat.subtype}` : ''} (${cat.rows} rows)`,
    );
  }
  lines.push(
    `rows ${c.rows}: ${c.valid} valid, ${c.invalid} invalid; ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged; ${c.removedFromSource} from this source not in the file${c.removed ? ` (${c.removed} ${dryRun ? 'would be ' : ''}deleted: --replace)` : ' (kept)'}`,
  );
  for (const p of r.problems.slice(0, PROBLEMS_SHOWN)) {
    lines.push(
      `  ${p.severity === 'error' ? 'ERROR' : 'warn '} ${p.row === null ? 'file' : `row ${p.row}`}${p.field ? ` [${p.field}]` : ''}: ${p.reason}`,
    );
  }
  const more = c.errors + c.warnings - Math.min(r.problems.length, PROBLEMS_SHOWN);
  if (more > 0) lines.push(`  … ${more} more problems`);
  if (dryRun)
    lines.push(
      c.errors
        ? `dry run: ${c.errors} errors would stop the import`
        : 'dry run: nothing written; ready to import',
    );
  else
    lines.push(
      r.committed
        ? `imported in ${(r.elapsedMs / 1000).toFixed(1)} s`
        : `NOT imported: ${c.errors} errors, nothing was written`,
    );
  return lines.join('\n');
}
