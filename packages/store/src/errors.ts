/** The store could not be opened: the message names the path and the reason. */
export class StoreOpenError extends Error {
  constructor(
    readonly path: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot open store ${JSON.stringify(path)}: ${reason}`, options);
    this.name = 'StoreOpenError';
  }
}

/** A paging cursor that this store did not hand out (bad client input, not a bug). */
export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`invalid cursor ${JSON.stringify(cursor)}: pass back a nextCursor exactly as received`);
    this.name = 'InvalidCursorError';
  }
}
