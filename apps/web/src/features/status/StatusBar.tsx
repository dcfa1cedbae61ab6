import type { ReactNode } from 'react';
import { t } from '../../i18n/index.ts';
import type { AtlasData } from '../atlas/use-atlas-data.ts';
import type { TileStatus } from '../atlas/use-tile-status.ts';
import { describeError } from './describe-error.ts';

// Loading progress and failures, in words, announced to screen readers as they change.

type Props = {
  data: AtlasData;
  tiles: TileStatus;
  onRetry: () => void;
  onRetryTiles: () => void;
};

export function StatusBar({ data, tiles, onRetry, onRetryTiles }: Props) {
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
  if (tiles.state === 'failed') {
    return (
      <Status kind="error">
        {t.status.tilesFailed(describeError(tiles.error))}{' '}
        <button type="button" onClick={onRetryTiles}>
          {t.status.retry}
        </button>
      </Status>
    );
  }
  if (tiles.state === 'loading') {
    return <Status kind="loading">{t.status.loadingTiles}</Status>;
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
