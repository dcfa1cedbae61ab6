// Header text as people type it: full-width letters and brackets, spaces, units and
// notes in brackets ("经度（高德）", "名称(name)"). Normalise before comparing, and keep
// the bracketed note: it may name a coordinate system (高德, 百度 …).

export interface HeaderText {
  /** Lower-case, NFKC, no spaces, no bracketed part. */
  main: string;
  /** The bracketed parts, normalised the same way. */
  notes: string[];
}

const BRACKETED = /[([{【]([^)\]}】]*)[)\]}】]/g;

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-:：*＊]/g, '');
}

export function headerText(raw: unknown): HeaderText {
  const text = String(raw ?? '').normalize('NFKC');
  const notes = [...text.matchAll(BRACKETED)].map((m) => normaliseText(m[1] ?? ''));
  return { main: normaliseText(text.replace(BRACKETED, '')), notes: notes.filter(Boolean) };
}
