import type { DataProblem } from '@atlas/model';
import { MAX_PROBLEMS } from './limits.ts';

// Bad user data is never thrown: it is collected here as {row, field, reason, severity}.
// A file-level problem has row null. Only the first MAX_PROBLEMS are kept; counts are exact.

export class Problems {
  readonly list: DataProblem[] = [];
  errors = 0;
  warnings = 0;

  constructor(private readonly max = MAX_PROBLEMS) {}

  add(row: number | null, field: string | null, reason: string, severity: 'error' | 'warning') {
    if (severity === 'error') this.errors++;
    else this.warnings++;
    if (this.list.length < this.max) this.list.push({ row, field, reason, severity });
  }

  error(row: number | null, field: string | null, reason: string): void {
    this.add(row, field, reason, 'error');
  }

  warn(row: number | null, field: string | null, reason: string): void {
    this.add(row, field, reason, 'warning');
  }

  /** Count problems found in bulk whose details are not kept. */
  addUnlisted(severity: 'error' | 'warning', n: number): void {
    if (severity === 'error') this.errors += n;
    else this.warnings += n;
  }

  get truncated(): boolean {
    return this.errors + this.warnings > this.list.length;
  }
}

/** A file the importer cannot read at all (wrong format, zip bomb, too big …). */
export class FileRefused extends Error {
  constructor(
    readonly reason: string,
    readonly field: string | null = null,
  ) {
    super(reason);
    this.name = 'FileRefused';
  }
}

/** The text of anything thrown, for a problem's reason. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
