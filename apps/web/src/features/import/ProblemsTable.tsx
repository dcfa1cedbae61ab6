import type { DataProblem } from '@atlas/model';
import { t } from '../../i18n/index.ts';

// Every problem the API reported: row (or the whole file), field, reason, severity.

type Props = { problems: readonly DataProblem[]; truncated: boolean; caption?: string };

export function ProblemsTable({ problems, truncated, caption }: Props) {
  const title = caption ?? t.import.problems(problems.length, truncated);
  if (problems.length === 0)
    return (
      <section aria-label={title}>
        <h3>{title}</h3>
        <p className="hint">{t.import.problemsNone}</p>
      </section>
    );
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <div className="import-table-wrap">
        <table className="import-table" data-testid="import-problems">
          <thead>
            <tr>
              <th scope="col">{t.import.problemRow}</th>
              <th scope="col">{t.import.problemField}</th>
              <th scope="col">{t.import.problemReason}</th>
              <th scope="col">{t.import.problemSeverity}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} className={p.severity === 'error' ? 'import-error' : undefined}>
                <td>{p.row ?? t.import.wholeFile}</td>
                <td>{p.field ?? '—'}</td>
                <td>{p.reason}</td>
                <td>{t.import.severities[p.severity] ?? p.severity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
