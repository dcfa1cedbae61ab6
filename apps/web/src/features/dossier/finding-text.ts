import type { Finding } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';

// A finding's words: the category's Chinese name, the rule's legal source, the status.

const CATEGORY_LABELS: Record<string, Record<string, string>> = {
  store: t.enums.storeCategory,
  hazard: t.enums.hazardType,
  water: t.enums.waterKind,
  pipeline: t.enums.pipelineKind,
};

export function categoryLabel(f: Pick<Finding, 'targetKind' | 'category'>): string {
  return CATEGORY_LABELS[f.targetKind]?.[f.category] ?? f.category;
}

/** 《条例》第九条 (制定机关): the deciding (strictest) rule's citation. */
export function legalSource(f: Finding): string {
  const source = f.rules[0]?.source;
  if (!source) return t.dossier.none;
  return `${source.title}${source.article ?? ''}（${source.issuingBody}）`;
}

export const statusLabel = (status: string) => t.statuses[status] ?? status;

export const methodLabel = (origin: string) =>
  (t.dossier.method as Record<string, string>)[origin] ?? origin;
