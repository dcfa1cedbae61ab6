import type { ReactNode } from 'react';
import type { LayerName } from '@atlas/model';
import { t } from '../../i18n/index.ts';
import type { AtlasData } from '../atlas/use-atlas-data.ts';
import { describeError } from './describe-error.ts';

// Loading progress and failures, in words, announced to screen readers as they change.

type Props = { data: AtlasData; layerLabel: (layer: LayerName) => string; onRetry: () => void };

export function StatusBar({ data, layerLabel, onRetry }: Props) {
  if (data.phase === 'list-loading') {
    return <Status kind="loading">{t.status.loadingLayerList}</Status>;
  }
  if (data.phase === 'list-failed') {
    return (
      <Status kind="error">
        {t.status.layerListFailed(describeError(data.error))}{' '}
        <button type="button" onClick={onRetry}>
          {t.status.retry}
        </button>
      </Status>
    );
  }
  const entries = Object.entries(data.loads) as [
    LayerName,
    NonNullable<(typeof data.loads)[LayerName]>,
  ][];
  const failed = entries.filter(([, l]) => l.status === 'failed');
  const loading = entries.filter(([, l]) => l.status === 'loading');
  if (failed.length > 0) {
    return (
      <Status kind="error">
        {failed.map(([layer, load]) => (
          <span key={layer} className="status-line">
            {t.status.layerFailed(
              layerLabel(layer),
              load.status === 'failed' ? describeError(load.error) : '',
            )}
          </span>
        ))}
        <button type="button" onClick={onRetry}>
          {t.status.retry}
        </button>
      </Status>
    );
  }
  if (loading.length > 0) {
    const done = entries.length - loading.length;
    return <Status kind="loading">{t.status.loadingFeatures(done, entries.length)}</Status>;
  }
  const total = data.list.layers.reduce((sum, l) => sum + l.count, 0);
  return <Status kind="ready">{total === 0 ? t.status.noData : t.status.ready(total)}</Status>;
}

function Status({ kind, children }: { kind: 'loading' | 'error' | 'ready'; children: ReactNode }) {
  return (
    <div
      className={`status status-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-status={kind}
    >
      {children}
    </div>
  );
}
