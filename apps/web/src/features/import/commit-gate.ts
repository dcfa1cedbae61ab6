import type { DataProblem } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import type { ImportReport, Overrides } from './import-client.ts';

// What stands between a preview and its commit, in words, and the overrides the commit
// sends. The API blocks a commit while an offered CRS or x/y swap is unconfirmed and
// rejects any file with errors; the dialog says so before the user presses the button.

export type Decisions = {
  /** The CRS the user confirmed or chose ('' = not yet). */
  crs: string;
  /** The user's answer to an offered swap ('' = not yet). */
  swap: '' | 'swap' | 'keep';
  /** Column mapping edits: field → column. */
  mapping: Record<string, string>;
  /** Category edits: category text → categories. */
  categoryMapping: Record<string, string[]>;
};

export const NO_DECISIONS: Decisions = { crs: '', swap: '', mapping: {}, categoryMapping: {} };

/** Problems a confirmation answers (not fixed by editing the file). */
const CONFIRMED_FIELDS = new Set(['crs', 'swapXY']);

type Gated = Pick<ImportReport, 'crs' | 'swap' | 'problems' | 'problemsTruncated'>;

const errorsIn = (problems: readonly DataProblem[]) =>
  problems.filter((p) => p.severity === 'error');

/** The reasons the commit cannot go ahead yet (empty: it may). */
export function commitBlockers(report: Gated, decisions: Decisions): string[] {
  const errors = errorsIn(report.problems);
  const blockers: string[] = [];
  const crsErrors = errors.filter((p) => p.field === 'crs');
  if (!decisions.crs && (crsErrors.length > 0 || report.crs?.confirmed === false)) {
    blockers.push(t.import.gate.crs(crsErrors[0]?.reason ?? report.crs?.reason ?? ''));
  }
  if (report.swap?.offered && decisions.swap === '') blockers.push(t.import.gate.swap);
  const dataErrors = errors.filter((p) => !CONFIRMED_FIELDS.has(p.field ?? '')).length;
  const edited =
    Object.keys(decisions.mapping).length > 0 || Object.keys(decisions.categoryMapping).length > 0;
  if (dataErrors > 0 && !edited) blockers.push(t.import.gate.errors(dataErrors));
  return blockers;
}

/** The overrides a commit sends: only what the user decided. */
export function commitOverrides(decisions: Decisions): Overrides {
  const categoryMapping = Object.fromEntries(
    Object.entries(decisions.categoryMapping).filter(([, c]) => c.length > 0),
  ) as Overrides['categoryMapping'];
  return {
    ...(decisions.crs ? { crs: decisions.crs } : {}),
    ...(decisions.swap ? { swapXY: decisions.swap === 'swap' } : {}),
    ...(Object.keys(decisions.mapping).length ? { mapping: decisions.mapping } : {}),
    ...(categoryMapping && Object.keys(categoryMapping).length ? { categoryMapping } : {}),
  };
}
