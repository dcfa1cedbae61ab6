import { storeCategory } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import type { ImportReport } from './import-client.ts';

// Stores: how each category text of the file maps to the prohibited categories (keywords
// that matched, rows that carry it). Ticking boxes changes the mapping for the commit.

type Props = {
  categories: ImportReport['categories'];
  edits: Record<string, string[]>;
  onEdit: (text: string, categories: string[]) => void;
};

const CATEGORIES = storeCategory.schema.options;

export function CategoryTable({ categories, edits, onEdit }: Props) {
  if (categories.length === 0) return null;
  return (
    <section aria-label={t.import.categories}>
      <h3>{t.import.categories}</h3>
      <p className="hint">{t.import.categoriesHint}</p>
      <div className="import-table-wrap">
        <table className="import-table" data-testid="import-categories">
          <thead>
            <tr>
              <th scope="col">{t.import.categoryText}</th>
              <th scope="col">{t.import.categoryTarget}</th>
              <th scope="col">{t.import.categoryMatched}</th>
              <th scope="col">{t.import.categoryRows}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => {
              const chosen = edits[c.text] ?? c.categories;
              const text = c.text || t.import.categoryNone;
              return (
                <tr key={c.text}>
                  <td>{text}</td>
                  <td>
                    {CATEGORIES.map((k) => {
                      const label = t.enums.storeCategory[k];
                      return (
                        <label key={k} className="import-check">
                          <input
                            type="checkbox"
                            aria-label={t.import.categoryFor(text, label)}
                            checked={chosen.includes(k)}
                            onChange={(e) =>
                              onEdit(
                                c.text,
                                e.currentTarget.checked
                                  ? [...chosen, k]
                                  : chosen.filter((x) => x !== k),
                              )
                            }
                          />
                          {label}
                        </label>
                      );
                    })}
                  </td>
                  <td>{c.matched.join('、')}</td>
                  <td>{c.rows}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
