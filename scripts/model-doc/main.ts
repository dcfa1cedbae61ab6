import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import * as model from '@atlas/model';
import { descriptionOf, typeOf } from './describe.ts';

// Writes the generated part of packages/model/README.md from the zod schemas, so the docs
// can never disagree with the code. `npx tsx scripts/model-doc/main.ts [--check]`.

const README = resolve(import.meta.dirname, '../../packages/model/README.md');
const BEGIN = '<!-- BEGIN GENERATED: npx tsx scripts/model-doc/main.ts -->';
const END = '<!-- END GENERATED -->';

const ENUMS: Record<string, { labels: Record<string, string> }> = {
  schoolType: model.schoolType,
  gateKind: model.gateKind,
  storeCategory: model.storeCategory,
  entertainmentSubtype: model.entertainmentSubtype,
  hazardType: model.hazardType,
  hazardScale: model.hazardScale,
  hazardStatus: model.hazardStatus,
  waterKind: model.waterKind,
  roadClass: model.roadClass,
  pipelineKind: model.pipelineKind,
  adminLevel: model.adminLevel,
};

export function generate(): string {
  const out: string[] = [BEGIN, '', '## Layers', ''];
  for (const name of model.LAYER_NAMES) {
    const layer = model.LAYERS[name];
    out.push(`### \`${name}\` — ${layer.label}`, '', `Geometry: ${typeOf(layer.geometry)}`, '');
    out.push('| field | type | meaning |', '| --- | --- | --- |');
    const shape = (layer.feature.shape.properties as z.ZodObject).shape;
    for (const [field, schema] of Object.entries(shape)) {
      const s = schema as z.ZodType;
      out.push(`| \`${field}\` | ${typeOf(s).replaceAll('|', '\\|')} | ${descriptionOf(s)} |`);
    }
    out.push('');
  }
  out.push('## Enumerations (stored value → 中文)', '');
  for (const [name, e] of Object.entries(ENUMS)) {
    out.push(
      `- **${name}**: ${Object.entries(e.labels)
        .map(([k, v]) => `\`${k}\` ${v}`)
        .join(' · ')}`,
    );
  }
  out.push('', END);
  return out.join('\n');
}

export function spliceInto(readme: string, generated: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${README} lacks the ${BEGIN} … ${END} markers`);
  return readme.slice(0, start) + generated + readme.slice(end + END.length);
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const current = readFileSync(README, 'utf8');
  const next = spliceInto(current, generate());
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('packages/model/README.md is stale: run npx tsx scripts/model-doc/main.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(README, next);
  }
}
