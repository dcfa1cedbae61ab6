import { InvalidCursorError } from './errors.ts';

// Keyset paging: a cursor is the last id of the page, wrapped so clients treat it as opaque.

const CURSOR_FORMAT = 1;

export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify([CURSOR_FORMAT, lastId])).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded[0] === CURSOR_FORMAT && typeof decoded[1] === 'string') {
      return decoded[1];
    }
  } catch {
    // falls through: not ours
  }
  throw new InvalidCursorError(cursor);
}
