import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileRefused } from '../problems.ts';
import { fixture } from '../testing.ts';
import { checkZip, unzipLimited } from './zip.ts';

const ALL = () => true;
const MIB = 1024 * 1024;

describe('unzipLimited', () => {
  it('returns the wanted entries by name', () => {
    const zip = zipSync({ 'a.shp': strToU8('shape'), 'a.txt': strToU8('note') });
    const { entries, names } = unzipLimited(zip, (n) => n.endsWith('.shp'));
    expect([...entries.keys()]).toEqual(['a.shp']);
    expect(new TextDecoder().decode(entries.get('a.shp'))).toBe('shape');
    expect(names).toEqual(['a.shp', 'a.txt']);
  });

  it('refuses a zip bomb: 16 MiB of zeros packed into a few KiB', () => {
    const bomb = zipSync({ 'bomb.dbf': new Uint8Array(16 * MIB) }, { level: 9 });
    expect(bomb.length).toBeLessThan(MIB / 4);
    expect(() => unzipLimited(bomb, ALL)).toThrow(/zip bomb/);
  });

  it('refuses a zip that unpacks past the configured total', () => {
    const random = new Uint8Array(2 * MIB).map((_, i) => (i * 2654435761) >>> 24);
    const zip = zipSync({ 'a.dbf': random, 'b.dbf': random }, { level: 0 });
    expect(() => unzipLimited(zip, ALL, { maxUnzippedBytes: 3 * MIB })).toThrow(
      /more than 3145728 bytes/,
    );
  });

  it('refuses what is not a zip, and a truncated zip, as FileRefused', () => {
    expect(() => unzipLimited(strToU8('hello'), ALL)).toThrow(FileRefused);
    const zip = zipSync({ 'a.shp': new Uint8Array(10_000).fill(7) });
    expect(() => unzipLimited(zip.subarray(0, 60), ALL)).toThrow(FileRefused);
  });
});

describe('checkZip', () => {
  const workbook = readFileSync(fixture('schools-register.xlsx'));

  it('passes a whole workbook', () => {
    expect(() => checkZip(workbook)).not.toThrow();
  });

  // Found by the import fuzz test: 9 bytes of sheet1.xml's packed data replaced by 7 (the
  // entry is now 2 bytes shorter than its header says). Every entry up to the damage still
  // inflated, and exceljs's reader then waited forever.
  it('refuses a workbook whose directory and entries disagree, instead of reading it', () => {
    const at = 1194;
    const damaged = Buffer.concat([
      workbook.subarray(0, at),
      Buffer.from('fccd8336cac0c3', 'hex'),
      workbook.subarray(at + 9),
    ]);
    expect(() => checkZip(damaged)).toThrow(FileRefused);
    // Its directory is read from the wrong place now: garbage where a method should be.
    expect(() => checkZip(damaged)).toThrow(/compression method \d+, not stored or deflate/);
  });

  it('refuses a zip whose directory lists entries that cannot be read in order', () => {
    const copy = Buffer.from(zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') }));
    const second = copy.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 4); // b.xml's header
    expect(second).toBeGreaterThan(0);
    copy[second + 2] = 0x07; // no longer a local header signature
    expect(() => checkZip(copy)).toThrow(/directory lists 2 entries, 1 could be read in order/);
  });

  it('refuses an entry packed with a method it cannot read', () => {
    const copy = Buffer.from(zipSync({ 'a.xml': strToU8('<a/>'.repeat(100)) }));
    const dir = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); // central directory
    expect(dir).toBeGreaterThan(0);
    copy.writeUInt16LE(99, dir + 10); // its entry's compression method: 99 (AES)
    expect(() => checkZip(copy)).toThrow(/a\.xml uses compression method 99/);
  });
});
