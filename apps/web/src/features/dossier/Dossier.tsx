import { useState } from 'react';
import { t } from '../../i18n/index.ts';
import { describeError } from '../status/describe-error.ts';
import type { Filters } from '../filters/filters.ts';
import { isFiltered } from '../filters/filters.ts';
import { dossierText } from './dossier-text.ts';
import { filterFindings } from './filter-findings.ts';
import { FindingsTable } from './FindingsTable.tsx';
import { NEARBY_RADIUS_M } from './nearby.ts';
import { zoneDistanceM, zoneName } from './show-dossier.ts';
import type { DossierLoad } from './use-dossier.ts';

// The school dossier beside the map: who the school is, its safety zones, its findings with
// their legal sources, what lies near it, and buttons to copy or print it all.

type Props = { load: DossierLoad; filters: Filters; onClose: () => void };

export function Dossier({ load, filters, onClose }: Props) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (load.status === 'loading') {
    return (
      <aside className="dossier" aria-label={t.dossier.title} aria-busy="true">
        <p role="status">{t.dossier.loading}</p>
      </aside>
    );
  }
  if (load.status === 'failed') {
    return (
      <aside className="dossier" aria-label={t.dossier.title}>
        <p role="alert" className="form-error">
          {t.dossier.failed(describeError(load.error))}
        </p>
        <button type="button" onClick={onClose}>
          {t.dossier.close}
        </button>
      </aside>
    );
  }
  const d = load.data;
  const p = d.school.properties;
  const findings = d.findings ? filterFindings(d.findings, filters) : [];
  const copy = () => {
    navigator.clipboard.writeText(dossierText(d, findings, new Date())).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  };
  const print = () => {
    document.body.classList.add('printing-dossier');
    window.addEventListener(
      'afterprint',
      () => document.body.classList.remove('printing-dossier'),
      { once: true },
    );
    window.print();
  };

  return (
    <aside className="dossier" aria-labelledby="dossier-title" data-school-id={d.school.id}>
      <header className="dossier-header">
        <p className="dossier-kicker">{t.dossier.title}</p>
        <h2 id="dossier-title">{p.name}</h2>
        <div className="dossier-actions">
          <button type="button" onClick={copy}>
            {t.dossier.copy}
          </button>
          <button type="button" onClick={print}>
            {t.dossier.print}
          </button>
          <button type="button" onClick={onClose} aria-label={t.dossier.close}>
            ✕
          </button>
        </div>
        {copyState !== 'idle' && (
          <p role="status" className="hint">
            {copyState === 'copied' ? t.dossier.copied : t.dossier.copyFailed}
          </p>
        )}
      </header>

      <section>
        <h3>{t.dossier.basics}</h3>
        <dl className="dossier-facts">
          <dt>{t.fields.schoolCode}</dt>
          <dd>{p.code}</dd>
          <dt>{t.fields.type}</dt>
          <dd>{t.enums.schoolType[p.type]}</dd>
          <dt>{t.fields.students}</dt>
          <dd>{t.values.people(p.students)}</dd>
          <dt>{t.fields.address}</dt>
          <dd>{p.address || t.dossier.none}</dd>
          <dt>{t.fields.gates}</dt>
          <dd>
            {p.gates.map((g) => t.enums.gateKind[g.kind]).join(t.values.separator) ||
              t.dossier.none}
          </dd>
        </dl>
      </section>

      <section>
        <h3>{t.dossier.zones}</h3>
        {d.zonesError ? (
          <p className="form-error" role="alert">
            {t.dossier.sectionFailed(describeError(d.zonesError))}
          </p>
        ) : d.zones && d.zones.length > 0 ? (
          <ul className="dossier-list" data-testid="zone-list">
            {d.zones.map((z, i) => {
              const m = zoneDistanceM(z.properties ?? {});
              const label = zoneName(z.properties ?? {});
              return <li key={i}>{m === null ? label : t.dossier.zoneRow(label, m)}</li>;
            })}
          </ul>
        ) : (
          <p className="hint">{t.dossier.zonesNone}</p>
        )}
      </section>

      <section>
        <h3>{t.dossier.findings}</h3>
        {d.findingsError ? (
          <p className="form-error" role="alert">
            {t.dossier.sectionFailed(describeError(d.findingsError))}
          </p>
        ) : d.findings === null ? (
          <p className="hint" data-testid="findings-unavailable">
            {t.dossier.findingsUnavailable}
          </p>
        ) : d.findings.length === 0 ? (
          <p className="hint">{t.dossier.findingsNone}</p>
        ) : (
          <>
            {isFiltered(filters) && (
              <p className="hint">
                {t.dossier.findingsFiltered(findings.length, d.findings.length)}
              </p>
            )}
            <FindingsTable findings={findings} targetNames={d.targetNames} />
          </>
        )}
      </section>

      <section>
        <h3>
          {t.dossier.nearbyHazards}（{t.dossier.within(NEARBY_RADIUS_M)}）
        </h3>
        <NearbyList
          items={d.hazards.map((h) => [h.feature.id, h.feature.properties.name, h.distanceM])}
        />
      </section>
      <section>
        <h3>
          {t.dossier.nearbyWater}（{t.dossier.within(NEARBY_RADIUS_M)}）
        </h3>
        <NearbyList
          items={d.water.map((w) => [w.feature.id, w.feature.properties.name, w.distanceM])}
        />
      </section>
      <section>
        <h3>{t.dossier.routes}</h3>
        {d.routes.length ? (
          <ul className="dossier-list">
            {d.routes.map((r) => (
              <li key={r.id}>
                {r.properties.name}（{r.properties.plate || t.dossier.none}）
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t.dossier.none}</p>
        )}
      </section>
    </aside>
  );
}

function NearbyList({ items }: { items: [string, string, number][] }) {
  if (items.length === 0) return <p className="hint">{t.dossier.none}</p>;
  return (
    <ul className="dossier-list">
      {items.map(([id, name, m]) => (
        <li key={id}>
          {name}：{t.dossier.metres(m)}
        </li>
      ))}
    </ul>
  );
}
