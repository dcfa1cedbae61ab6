import { t } from '../../i18n/index.ts';
import { categoryLabel, statusLabel } from '../dossier/finding-text.ts';
import { describeError } from '../status/describe-error.ts';
import type { FindingPages } from './use-finding-pages.ts';

// The selected township's findings, a page at a time ("加载更多" asks for the next page).
// Each row names the school (a button opening its dossier), the target's category, the
// status and the distance.

type Props = {
  title: string;
  pages: FindingPages;
  schoolNames: ReadonlyMap<string, string>;
  onSchool: (id: string) => void;
};

export function TownshipFindings({ title, pages, schoolNames, onSchool }: Props) {
  const d = t.district;
  return (
    <section className="township-findings" aria-label={title}>
      <h3>{title}</h3>
      {pages.error !== null && (
        <p role="alert" className="form-error">
          {d.failed(describeError(pages.error))}
        </p>
      )}
      {pages.findings.length === 0 && !pages.loading && pages.error === null && (
        <p className="hint">{d.none}</p>
      )}
      <ol className="district-findings">
        {pages.findings.map((f) => (
          <li key={f.id} data-finding={f.id} data-status={f.status}>
            <button type="button" className="link-button" onClick={() => onSchool(f.schoolId)}>
              {schoolNames.get(f.schoolId) ?? f.schoolId}
            </button>{' '}
            {categoryLabel(f)} · {statusLabel(f.status)} · {d.distance(f.distanceM)}
          </li>
        ))}
      </ol>
      {pages.loading && <p role="status">{d.listLoading}</p>}
      {pages.more && !pages.loading && (
        <button type="button" className="tool-button" onClick={pages.loadMore}>
          {d.more}
        </button>
      )}
    </section>
  );
}
