import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import type { LayerName } from '@atlas/model';
import { ENCODING_SAMPLE_BYTES } from '../limits.ts';
import { FileRefused } from '../problems.ts';
import { detectEncoding, textDecoder, type TextEncoding } from './encoding.ts';
import type { OpenedSource } from './records.ts';
import { readTable, type RawRow } from './table.ts';

// CSV, streamed: bytes → decoded text (iconv-lite) → papaparse → rows in batches.
// Cells stay text (no dynamic typing): 学校标识码 and 许可证号 keep their leading zeros.

export async function readSample(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function decodeStream(encoding: TextEncoding, skipBytes: number, counter: { bytes: number }) {
  const decoder = textDecoder(encoding);
  let skip = skipBytes;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      counter.bytes += chunk.length;
      const body = skip > 0 ? chunk.subarray(skip) : chunk;
      skip = Math.max(0, skip - chunk.length);
      done(null, decoder.write(body));
    },
    flush(done) {
      done(null, decoder.end());
    },
  });
}

/** Chunks queued ahead of the consumer before the parser is paused. */
const QUEUED_CHUNKS_MAX = 4;

// papaparse's chunk callback, bridged to an async iterator; backpressure pauses the
// decoded byte stream itself. (papaparse's NODE_STREAM_INPUT duplex measured ~20× slower,
// and its own pause/resume re-parses in chunk mode.)
async function* csvRows(
  path: string,
  encoding: TextEncoding,
  bomBytes: number,
  counter: { bytes: number },
): AsyncGenerator<RawRow[]> {
  const queue: RawRow[][] = [];
  let [done, failure, row] = [false, null as unknown, 0];
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  const source = createReadStream(path).pipe(decodeStream(encoding, bomBytes, counter));
  source.on('error', (e) => {
    failure = e;
    wake?.();
  });
  Papa.parse<string[]>(source as unknown as File, {
    chunk(results, p) {
      parser = p;
      queue.push(results.data.map((cells) => ({ row: ++row, cells })));
      if (queue.length >= QUEUED_CHUNKS_MAX) source.pause();
      wake?.();
    },
    complete() {
      done = true;
      wake?.();
    },
    error(e: unknown) {
      failure = e;
      wake?.();
    },
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next) {
        if (queue.length < QUEUED_CHUNKS_MAX && source.isPaused()) source.resume();
        yield next;
        continue;
      }
      if (failure)
        throw new FileRefused(
          `cannot read the CSV: ${String((failure as Error).message ?? failure)}`,
        );
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    if (!done) (parser as Papa.Parser | null)?.abort();
    source.destroy();
  }
}

export async function readCsv(
  path: string,
  size: number,
  layer: LayerName,
  declared: TextEncoding | null,
  name: string,
): Promise<OpenedSource> {
  const sample = await readSample(path, ENCODING_SAMPLE_BYTES);
  const guess = detectEncoding(sample, size <= ENCODING_SAMPLE_BYTES);
  const encoding = declared ?? guess.encoding;
  if (!encoding) {
    throw new FileRefused(
      'unknown text encoding: neither UTF-8 nor GBK/GB18030; save the file as UTF-8 or choose its encoding',
      'encoding',
    );
  }
  if (sample.includes(0) && encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    throw new FileRefused('binary data (NUL bytes) in a CSV file: is it really CSV?');
  }
  const counter = { bytes: 0 };
  const table = await readTable(
    layer,
    csvRows(path, encoding, declared ? 0 : guess.bomBytes, counter),
  );
  return {
    format: 'csv',
    encoding,
    encodingBasis: declared ? 'declared' : guess.basis,
    columns: table.columns,
    crsText: null,
    hints: [...table.hints, name],
    spatial: false,
    batches: table.batches,
    bytesRead: () => counter.bytes,
    totalBytes: size,
  };
}
