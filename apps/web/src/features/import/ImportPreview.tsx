import { t } from '../../i18n/index.ts';
import { CategoryTable } from './CategoryTable.tsx';
import type { Decisions } from './commit-gate.ts';
import { CrsPicker } from './CrsPicker.tsx';
import { crsOf } from './crs-choice.ts';
import type { CrsSelection } from './crs-choice.ts';
import type { ImportReport } from './import-client.ts';
import { MappingTable } from './MappingTable.tsx';
import { PreviewMap } from './PreviewMap.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { RowsTable } from './RowsTable.tsx';

// The dry run, shown whole: counts, the CRS (to confirm when it was only offered), swapped
// x/y, the column and category mappings, a map of the first features, the first rows and
// every problem. Nothing here writes; the dialog's button commits.

const COUNT_KEYS = [
  'rows',
  'valid',
  'invalid',
  'added',
  'updated',
  'unchanged',
  'errors',
  'warnings',
] as const;

type Props = {
  jobId: string;
  report: ImportReport;
  decisions: Decisions;
  crsSelection: CrsSelection;
  onCrs: (selection: CrsSelection) => void;
  onDecisions: (next: Partial<Decisions>) => void;
};

export function ImportPreview({
  jobId,
  report,
  decisions,
  crsSelection,
  onCrs,
  onDecisions,
}: Props) {
  const crs = report.crs;
  const needsCrs = crs !== null && (!crs.confirmed || crs.crs === null);
  const hasCrsError = report.problems.some((p) => p.field === 'crs' && p.severity === 'error');
  return (
    <div className="import-preview" data-testid="import-preview">
      <h3>{t.import.preview}</h3>
      <div className="import-columns">
        <div>
          <p className="hint">
            {t.import.fileInfo(
              report.file.name,
              report.file.format ?? '?',
              report.file.encoding ?? '',
            )}
          </p>
          <dl className="import-counts" data-testid="import-counts">
            {COUNT_KEYS.map((k) => (
              <div key={k}>
                <dt>{t.import.counts[k]}</dt>
                <dd>{report.counts[k].toLocaleString('zh-CN')}</dd>
              </div>
            ))}
            {report.counts.removedFromSource > 0 && (
              <div>
                <dt>{t.import.counts.removedFromSource}</dt>
                <dd>{report.counts.removedFromSource}</dd>
              </div>
            )}
          </dl>

          {crs && (
            <section
              aria-label={t.import.crsSection}
              className={needsCrs ? 'import-confirm' : undefined}
            >
              <h3>{t.import.crsSection}</h3>
              <p>
                {crs.crs
                  ? t.import.crsUsed(
                      t.import.crsOptions[crs.crs] ?? crs.crs,
                      t.import.basis[crs.basis ?? ''] ?? '',
                    )
                  : t.import.crsUndecided}
              </p>
              <p className="hint">{crs.reason}</p>
              {(needsCrs || hasCrsError) && (
                <CrsPicker
                  label={t.import.crsConfirm}
                  emptyLabel={t.import.crsConfirmPlaceholder}
                  value={crsSelection}
                  suggested={crs.crs}
                  onChange={(selection) => {
                    onCrs(selection);
                    onDecisions({ crs: crsOf(selection) });
                  }}
                />
              )}
            </section>
          )}

          {report.swap?.offered && (
            <section aria-label={t.import.swapSection} className="import-confirm">
              <h3>{t.import.swapSection}</h3>
              <p className="hint">{report.swap.reason}</p>
              <label className="field">
                <span>{t.import.swapConfirm}</span>
                <select
                  value={decisions.swap}
                  onChange={(e) =>
                    onDecisions({ swap: e.currentTarget.value as Decisions['swap'] })
                  }
                >
                  {Object.entries(t.import.swapOptions).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            </section>
          )}

          <MappingTable
            mapping={report.mapping}
            columns={report.columns}
            edits={decisions.mapping}
            onEdit={(field, column) =>
              onDecisions({ mapping: { ...decisions.mapping, [field]: column } })
            }
          />
        </div>
        <PreviewMap key={jobId} report={report} />
      </div>
      <CategoryTable
        categories={report.categories}
        edits={decisions.categoryMapping}
        onEdit={(text, categories) =>
          onDecisions({ categoryMapping: { ...decisions.categoryMapping, [text]: categories } })
        }
      />
      <RowsTable report={report} />
      <ProblemsTable problems={report.problems} truncated={report.problemsTruncated} />
    </div>
  );
}
