import type { DataProblem } from '@atlas/model';
import { MAX_PROBLEMS } from './limits.ts';

// Bad user data is never thrown: it is collected here as {row, field, reason, severity}.
// A file-level problem has row null. Counts are exact; the details of at most MAX_PROBLEMS
// are kept, those of the earliest rows (file-level first), and listed in row order, even
// though some are found after the rows are read (a key repeated further down the file).

/** Where a problem sorts: file-level problems before every row. */
const rankOf = (p: DataProblem) => p.row ?? -1;

export class Problems {
  private readonly kept: DataProblem[] = [];
  /** Index in `kept` of the latest row kept, once full (null: to be found again). */
  private latest: number | null = null;
  errors = 0;
  warnings = 0;

  constructor(private readonly max = MAX_PROBLEMS) {}

  add(row: number | null, field: string | null, reason: string, severity: 'error' | 'warning') {
    if (severity === 'error') this.errors++;
    else this.warnings++;
    const problem = { row, field, reason, severity };
    if (this.kept.length < this.max) {
      this.kept.push(problem);
      return;
    }
    // Full: a problem of an earlier row takes the place of the latest row kept. Rows are
    // read in order, so the latest is looked for again only after such a replacement.
    this.latest ??= this.latestKept();
    if (this.latest >= 0 && rankOf(problem) < rankOf(this.kept[this.latest]!)) {
      this.kept[this.latest] = problem;
      this.latest = null;
    }
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

  /** The problems kept, in row order (those of one row in the order found). */
  get list(): DataProblem[] {
    return this.kept
      .map((p, i) => [p, i] as const)
      .sort(([a, i], [b, j]) => rankOf(a) - rankOf(b) || i - j)
      .map(([p]) => p);
  }

  get truncated(): boolean {
    return this.errors + this.warnings > this.kept.length;
  }

  private latestKept(): number {
    let at = -1;
    for (let i = 0; i < this.kept.length; i++)
      if (at < 0 || rankOf(this.kept[i]!) >= rankOf(this.kept[at]!)) at = i;
    return at;
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
