import { describe, expect, it } from 'vitest';
import { readConfig } from './env.ts';

describe('readConfig', () => {
  it('leaves DuckDB its own memory limit unless ATLAS_DB_MEMORY_MIB is set', () => {
    expect(readConfig({}).dbMemoryMiB).toBeNull();
    expect(readConfig({ ATLAS_DB_MEMORY_MIB: '512' }).dbMemoryMiB).toBe(512);
  });

  it('refuses a memory limit that is not a positive whole number of MiB, naming the variable', () => {
    for (const bad of ['0', '-1', '1.5', 'lots']) {
      expect(() => readConfig({ ATLAS_DB_MEMORY_MIB: bad })).toThrow(/ATLAS_DB_MEMORY_MIB/);
    }
  });

  it('refuses a port outside 0–65535', () => {
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
