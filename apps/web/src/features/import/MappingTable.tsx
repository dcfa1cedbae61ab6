import { t } from '../../i18n/index.ts';
import type { ImportReport } from './import-client.ts';

// The detected column mapping (field ← column, with how sure the detection was); each
// field's column can be changed, and fields nobody found can be given one.

type Props = {
  mapping: ImportReport['mapping'];
  columns: readonly string[];
  edits: Record<string, string>;
  onEdit: (field: string, column: string) => void;
};

const fieldLabel = (field: string) =>
  (t.fields as Record<string, string>)[field] ?? t.import.mappingFields[field] ?? field;

export function MappingTable({ mapping, columns, edits, onEdit }: Props) {
  const rows = [
    ...mapping.matches.map((m) => ({ field: m.field, column: m.column, confidence: m.confidence })),
    ...mapping.missing.map((field) => ({ field, column: '', confidence: null })),
  ];
  if (rows.length === 0) return null;
  return (
    <section aria-label={t.import.mapping}>
      <h3>{t.import.mapping}</h3>
      <p className="hint">{t.import.mappingHint}</p>
      <table className="import-table" data-testid="import-mapping">
        <thead>
          <tr>
            <th scope="col">{t.import.mappingField}</th>
            <th scope="col">{t.import.mappingColumn}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <td>
                {fieldLabel(r.field)}
                {r.confidence && r.confidence !== 'sure' && (
                  <span className="hint"> · {t.import.confidence[r.confidence]}</span>
                )}
              </td>
              <td>
                <select
                  aria-label={t.import.mappingFor(fieldLabel(r.field))}
                  value={edits[r.field] ?? r.column}
                  onChange={(e) => onEdit(r.field, e.currentTarget.value)}
                >
                  {r.column === '' && <option value="">{t.import.mappingNone}</option>}
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {mapping.unused.length > 0 && (
        <p className="hint">{t.import.unusedColumns(mapping.unused.join('、'))}</p>
      )}
    </section>
  );
}
