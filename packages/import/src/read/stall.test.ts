import { describe, expect, it } from 'vitest';
import { FileRefused } from '../problems.ts';
import { unlessStalled } from './stall.ts';

// A promise that never settles stands for a reader stuck on a damaged stream: no real
// file is known to do that since checkZip refuses the one that did.
const never = () => new Promise<never>(() => undefined);
const later = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('unlessStalled', () => {
  it('gives the read its value when it settles in time', async () => {
    await expect(unlessStalled(later(5, 'rows'), 1_000)).resolves.toBe('rows');
  });

  it('passes on the read’s own error', async () => {
    const failed = Promise.reject(new Error('bad zip'));
    await expect(unlessStalled(failed, 1_000)).rejects.toThrow('bad zip');
  });

  it('refuses the file, in words, when nothing comes within the limit', async () => {
    const started = performance.now();
    const error = await unlessStalled(never(), 30).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRefused);
    expect((error as FileRefused).reason).toMatch(/stalled: nothing came from it for 0 s/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('leaves no unhandled rejection when a read left behind fails later', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failsLate = later(40, null).then(() => Promise.reject(new Error('late')));
      await expect(unlessStalled(failsLate, 10)).rejects.toBeInstanceOf(FileRefused);
      await later(60, null);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
