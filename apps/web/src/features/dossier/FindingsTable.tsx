import type { Finding } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { categoryLabel, legalSource, methodLabel, statusLabel } from './finding-text.ts';

// The findings of one school as a table: target, category, distance (and from where it was
// measured), limit, status (in words and a symbol, never by colour alone), legal source.

type Props = { findings: readonly Finding[]; targetNames: Record<string, string> };

const STATUS_SYMBOL: Record<string, string> = {
  violation: '✖',
  borderline: '◐',
  monitor: '●',
  clear: '✔',
};

export function FindingsTable({ findings, targetNames }: Props) {
  const c = t.dossier.columns;
  return (
    <table className="findings-table" data-testid="findings-table">
      <thead>
        <tr>
          <th scope="col">{c.target}</th>
          <th scope="col">{c.category}</th>
          <th scope="col">{c.distance}</th>
          <th scope="col">{c.limit}</th>
          <th scope="col">{c.status}</th>
          <th scope="col">{c.source}</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => (
          <tr key={f.id} data-finding-id={f.id} data-target-id={f.targetId} data-status={f.status}>
            <td>{targetNames[`${f.targetKind}/${f.targetId}`] ?? f.targetId}</td>
            <td>{categoryLabel(f)}</td>
            <td data-distance-m={f.distanceM}>
              {t.dossier.metres(f.distanceM)}
              <small className="method">{methodLabel(f.method.origin)}</small>
            </td>
            <td data-limit-m={f.limitM}>{t.dossier.metres(f.limitM)}</td>
            <td className={`finding-status finding-${f.status}`}>
              <span aria-hidden="true">{STATUS_SYMBOL[f.status] ?? ''} </span>
              {statusLabel(f.status)}
            </td>
            <td className="source">{legalSource(f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
