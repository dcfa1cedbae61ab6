import { FileRefused } from '../problems.ts';

// A read that never settles (a library waiting forever on a damaged stream, as exceljs
// once did) must not hold an import for good: each read of the file races a limit on how
// long nothing may come from it. Only a read stuck that long is left behind (its promise
// may still settle, into the void); a slow but moving read is waited for, so that it
// closes its own files. Cancelling still stops a job between batches.

/** The read's value, or a FileRefused saying that reading stalled once stallMs pass. */
export function unlessStalled<T>(read: Promise<T>, stallMs: number): Promise<T> {
  read.catch(() => undefined); // left behind, it may still reject: never an unhandled rejection
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const seconds = Math.round(stallMs / 1000);
      reject(
        new FileRefused(
          `reading the file stalled: nothing came from it for ${seconds} s (is it damaged?)`,
        ),
      );
    }, stallMs);
    read.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
