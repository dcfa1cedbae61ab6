import { t } from '../../i18n/index.ts';
import type { ImportReport } from './import-client.ts';

// The first rows as read, with what each becomes (add, update, unchanged, or an error).

/** Columns shown; wider files scroll sideways. */
const MAX_COLUMNS = 12;

type Props = { report: Pick<ImportReport, 'rows' | 'columns'> };

const cell = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

export function RowsTable({ report }: Props) {
  const columns = report.columns.slice(0, MAX_COLUMNS);
  const title = t.import.rows(report.rows.length);
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <div className="import-table-wrap">
        <table className="import-table" data-testid="import-rows">
          <thead>
            <tr>
              <th scope="col">{t.import.rowNo}</th>
              <th scope="col">{t.import.action}</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.row} className={r.action ? undefined : 'import-error'}>
                <td>{r.row}</td>
                <td>{t.import.actions[r.action ?? 'error']}</td>
                {columns.map((c) => (
                  <td key={c}>{cell(r.fields[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
