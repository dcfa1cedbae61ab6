import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, spliceInto } from './main.ts';

describe('model README', () => {
  it('matches the schemas (regenerate with npx tsx scripts/model-doc/main.ts)', () => {
    const path = resolve(import.meta.dirname, '../../packages/model/README.md');
    const current = readFileSync(path, 'utf8');
    expect(spliceInto(current, generate())).toBe(current);
  });
});
