// A spreadsheet cell as exceljs gives it → a plain value: text, number, boolean, Date or
// null. Rich text is joined, a hyperlink gives its text, a formula its cached result.

export function plainCell(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
  }
  if ('result' in v) return plainCell(v.result);
  if ('formula' in v || 'sharedFormula' in v || 'error' in v) return null;
  if ('text' in v) return plainCell(v.text);
  return String(value);
}
