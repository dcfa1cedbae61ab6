import type { Finding } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { categoryLabel, legalSource, methodLabel, statusLabel } from './finding-text.ts';
import { NEARBY_RADIUS_M } from './nearby.ts';
import type { DossierData } from './use-dossier.ts';

// The dossier as plain text, for the clipboard: pasted into a report or a message it keeps
// its headings and one finding per line.

export function dossierText(d: DossierData, findings: readonly Finding[], now: Date): string {
  const p = d.school.properties;
  const lines = [
    `${t.dossier.title}：${p.name}`,
    `${t.fields.schoolCode}：${p.code}\u3000${t.fields.type}：${t.enums.schoolType[p.type]}\u3000${t.fields.address}：${p.address || t.dossier.none}`,
    '',
    `【${t.dossier.findings}】`,
  ];
  if (d.findings === null) lines.push(t.dossier.findingsUnavailable);
  else if (findings.length === 0) lines.push(t.dossier.findingsNone);
  for (const f of findings) {
    const name = d.targetNames[`${f.targetKind}/${f.targetId}`] ?? f.targetId;
    lines.push(
      [
        name,
        categoryLabel(f),
        `${t.dossier.columns.distance} ${t.dossier.metres(f.distanceM)}（${methodLabel(f.method.origin)}）`,
        `${t.dossier.columns.limit} ${t.dossier.metres(f.limitM)}`,
        statusLabel(f.status),
        legalSource(f),
      ].join('｜'),
    );
  }
  lines.push('', `【${t.dossier.nearbyHazards}（${t.dossier.within(NEARBY_RADIUS_M)}）】`);
  lines.push(
    ...(d.hazards.length
      ? d.hazards.map((h) => `${h.feature.properties.name}｜${t.dossier.metres(h.distanceM)}`)
      : [t.dossier.none]),
  );
  lines.push('', `【${t.dossier.nearbyWater}（${t.dossier.within(NEARBY_RADIUS_M)}）】`);
  lines.push(
    ...(d.water.length
      ? d.water.map((w) => `${w.feature.properties.name}｜${t.dossier.metres(w.distanceM)}`)
      : [t.dossier.none]),
  );
  lines.push('', `【${t.dossier.routes}】`);
  lines.push(
    ...(d.routes.length
      ? d.routes.map((r) => `${r.properties.name}（${r.properties.plate}）`)
      : [t.dossier.none]),
  );
  lines.push('', t.dossier.generatedAt(now.toLocaleString('zh-CN', { hour12: false })));
  return lines.join('\n');
}
