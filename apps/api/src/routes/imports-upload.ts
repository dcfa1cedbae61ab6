import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';

// A multipart upload streamed to a file on disk as it arrives (busboy), never held in
// memory: the file part goes to `path`, the other parts come back as text fields. The
// size limit is enforced while streaming: past it the request is abandoned, the partial
// file removed, and UploadTooLarge thrown.

/** Form fields besides the file, and their size each: options are short text. */
const FIELDS_MAX = 32;
const FIELD_BYTES_MAX = 64 * 1024;

export class UploadTooLarge extends Error {}
export class UploadInvalid extends Error {}

export interface Upload {
  /** The file's own name, or null when the form had no "file" part. */
  fileName: string | null;
  bytes: number;
  fields: Record<string, string>;
}

export async function receiveUpload(
  request: Request,
  path: string,
  maxFileBytes: number,
): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (!request.body || !type.toLowerCase().startsWith('multipart/form-data')) {
    throw new UploadInvalid('expected a multipart/form-data body');
  }
  const body = Readable.fromWeb(request.body as WebReadableStream);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      limits: { files: 1, fileSize: maxFileBytes, fields: FIELDS_MAX, fieldSize: FIELD_BYTES_MAX },
    });
  } catch (error) {
    throw new UploadInvalid((error as Error).message);
  }
  const upload: Upload = { fileName: null, bytes: 0, fields: {} };
  let writing: Promise<void> | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || writing) return void stream.resume();
        upload.fileName = info.filename || 'upload';
        stream.on('data', (chunk: Buffer) => (upload.bytes += chunk.length));
        // Past the limit: fail the write (its rejection rejects this upload).
        stream.on('limit', () => stream.destroy(new UploadTooLarge(`over ${maxFileBytes} bytes`)));
        writing = pipeline(stream, createWriteStream(path));
        writing.catch(reject);
      });
      parser.on('field', (name, value) => (upload.fields[name] = value));
      parser.on('error', (error) => reject(new UploadInvalid((error as Error).message)));
      parser.on('close', () => resolve());
      body.on('error', reject);
      body.pipe(parser);
    });
    await writing;
    return upload;
  } catch (error) {
    body.unpipe(parser);
    body.destroy(); // stop reading the rest of an upload we refuse
    await (writing as Promise<void> | null)?.catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
}
