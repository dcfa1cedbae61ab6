import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args.ts';

describe('import CLI arguments', () => {
  it('turns flags into import options, with CRS aliases and repeatable mappings', () => {
    const args = parseCliArgs([
      '--layer',
      'stores',
      '--file',
      'a.csv',
      '--crs',
      'gcj02',
      '--map',
      'name=店名',
      '--category',
      '便利店=tobacco,liquor',
      '--dry-run',
      '--db',
      '/tmp/x.duckdb',
    ]);
    expect(args).toMatchObject({
      dryRun: true,
      db: '/tmp/x.duckdb',
      options: {
        layer: 'stores',
        crs: 'GCJ-02',
        mapping: { name: '店名' },
        categoryMapping: { 便利店: ['tobacco', 'liquor'] },
      },
    });
    expect(
      parseCliArgs(['--layer', 'hazards', '--file', 'b.zip', '--crs', 'epsg:4526']).options.crs,
    ).toBe('EPSG:4526');
  });

  it('asks to delete what the source no longer has only with --replace', () => {
    const base = ['--layer', 'stores', '--file', 'a.csv'];
    expect(parseCliArgs(base).options.replace).toBeUndefined();
    expect(parseCliArgs([...base, '--replace']).options.replace).toBe(true);
  });

  it('says what is wrong with bad arguments', () => {
    expect(() => parseCliArgs(['--layer', 'stores'])).toThrow('--file is required');
    expect(() => parseCliArgs(['--layer', 'shops', '--file', 'a.csv'])).toThrow(/--layer/);
    expect(() => parseCliArgs(['--layer', 'stores', '--file', 'a.csv', '--crs', 'mars'])).toThrow(
      /--crs/,
    );
    expect(() => parseCliArgs(['--layer', 'stores', '--file', 'a.csv', '--map', 'name'])).toThrow(
      '--map name: expected KEY=VALUE',
    );
  });
});
