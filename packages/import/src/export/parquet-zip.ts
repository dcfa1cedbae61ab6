import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Zip, ZipPassThrough } from 'fflate';
import type { ParquetFile } from '@atlas/store';
import type { Exported } from './writers.ts';

// The whole database as one zip of GeoParquet files, one per non-empty layer: the store
// writes them into a temp dir, the zip streams them out (stored, not deflated — Parquet is
// already zstd-compressed), and the temp dir goes when the stream closes.

export interface ParquetSource {
  exportParquet(dir: string): Promise<ParquetFile[]>;
}

export const PARQUET_ZIP_NAME = 'atlas-parquet.zip';

async function* zipChunks(files: readonly ParquetFile[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else ready.push(chunk);
  });
  function* drain() {
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  for (const file of files) {
    const entry = new ZipPassThrough(`${file.layer}.parquet`);
    zip.add(entry);
    for await (const chunk of createReadStream(file.path) as AsyncIterable<Buffer>) {
      entry.push(chunk);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** Export every non-empty layer to Parquet and stream them as one zip. */
export async function exportParquetZip(
  source: ParquetSource,
): Promise<Exported & { files: ParquetFile[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-parquet-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let files: ParquetFile[];
  try {
    files = (await source.exportParquet(dir)).filter((f) => f.rows > 0);
  } catch (error) {
    await cleanup();
    throw error;
  }
  const body = Readable.from(zipChunks(files));
  body.once('close', () => void cleanup());
  return { contentType: 'application/zip', fileName: PARQUET_ZIP_NAME, body, files };
}
