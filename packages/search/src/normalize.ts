// Text as the index compares it: full-width forms folded (NFKC), lower case, and no spaces or
// punctuation, so that "云溪 一中", "云溪一中" and "ＹＸ" all meet their targets.

const IGNORED = /[\s\p{P}\p{S}]+/gu;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** Whether a normalised query could be pinyin: latin letters only. */
export function isLatinLetters(text: string): boolean {
  return /^[a-z]+$/.test(text);
}
