import { useCallback, useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { t } from '../../i18n/index.ts';
import { describeError } from '../status/describe-error.ts';
import { commitBlockers, commitOverrides, NO_DECISIONS } from './commit-gate.ts';
import type { Decisions } from './commit-gate.ts';
import { NO_CRS } from './crs-choice.ts';
import type { CrsSelection } from './crs-choice.ts';
import type { ImportJob, UploadRequest } from './import-client.ts';
import { ImportForm } from './ImportForm.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { ImportProgressBar } from './ImportProgressBar.tsx';
import { ProblemsTable } from './ProblemsTable.tsx';
import { refreshAtlas } from './refresh-map.ts';
import { useImport } from './use-import.ts';
import './import-dialog.css';

// The import door of the web app: a modal <dialog> (focus stays inside, Escape closes).
// Choose layer and file → upload → progress → preview to check and confirm → commit →
// the counts written, and the atlas map reloads its tiles.

type Props = { map: MapLibreMap | null; onClose: () => void };

export function ImportDialog({ map, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const lastRequest = useRef<UploadRequest | null>(null);
  const [decisions, setDecisions] = useState<Decisions>(NO_DECISIONS);
  const [crsSelection, setCrsSelection] = useState<CrsSelection>(NO_CRS);
  const [refreshed, setRefreshed] = useState(false);
  const onCommitted = useCallback(
    (_job: ImportJob) => setRefreshed(map ? refreshAtlas(map) : false),
    [map],
  );
  const { state, upload, commit } = useImport(onCommitted);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  const start = (request: UploadRequest) => {
    lastRequest.current = request;
    setDecisions(NO_DECISIONS);
    setCrsSelection(NO_CRS);
    setRefreshed(false);
    upload(request);
  };
  /** Upload the same file again with the decisions so far: a fresh, honest preview. */
  const previewAgain = () => {
    const last = lastRequest.current;
    if (!last) return;
    start({ ...last, overrides: { ...last.overrides, ...commitOverrides(decisions) } });
  };

  const { phase, job, progress } = state;
  const report = job?.preview ?? null;
  const busy = phase === 'uploading' || phase === 'previewing' || phase === 'committing';
  const showPreview = report && (phase === 'previewed' || phase === 'committing');
  const blockers = report ? commitBlockers(report, decisions) : [];
  const edited =
    decisions.crs !== '' ||
    Object.keys(decisions.mapping).length > 0 ||
    Object.keys(decisions.categoryMapping).length > 0;
  const result = phase === 'committed' ? job?.result : null;

  return (
    <dialog
      ref={ref}
      className="import-dialog"
      aria-labelledby="import-title"
      data-import-phase={phase}
      onClose={onClose}
    >
      <div className="import-head">
        <h2 id="import-title">{t.import.title}</h2>
        <button type="button" className="tool-button" onClick={() => ref.current?.close()}>
          {t.import.close}
        </button>
      </div>
      <ImportForm busy={busy} onUpload={start} />

      {(phase === 'uploading' || phase === 'previewing' || phase === 'committing') && (
        <ImportProgressBar phase={phase} progress={progress} />
      )}
      {state.error !== null && (
        <div role="alert" className="form-error" data-testid="import-error">
          <p>{t.import.failed(describeError(state.error))}</p>
          {state.refused.length > 0 && (
            <ProblemsTable problems={state.refused} truncated={false} caption={t.import.rejected} />
          )}
        </div>
      )}

      {showPreview && job && (
        <>
          <ImportPreview
            jobId={job.id}
            report={report}
            decisions={decisions}
            crsSelection={crsSelection}
            onCrs={setCrsSelection}
            onDecisions={(next) => setDecisions((d) => ({ ...d, ...next }))}
          />
          <div className="import-commit">
            {blockers.length > 0 && (
              <div id="import-blockers" className="import-blockers" data-testid="import-blockers">
                <strong>{t.import.blocked}</strong>
                <ul>
                  {blockers.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </div>
            )}
            <div className="dialog-actions">
              {edited && (
                <button
                  type="button"
                  className="tool-button"
                  disabled={busy}
                  onClick={previewAgain}
                >
                  {t.import.uploadAgain}
                </button>
              )}
              <button
                type="button"
                className="tool-button import-commit-button"
                disabled={busy || blockers.length > 0}
                aria-describedby={blockers.length > 0 ? 'import-blockers' : undefined}
                onClick={() => commit(commitOverrides(decisions))}
              >
                {t.import.commit}
              </button>
            </div>
          </div>
        </>
      )}

      {result && (
        <div role="status" className="import-result" data-testid="import-result">
          <h3>{t.import.done}</h3>
          <p>
            {t.import.result(result.counts.added, result.counts.updated, result.counts.unchanged)}
          </p>
          {refreshed && <p className="hint">{t.import.refreshed}</p>}
        </div>
      )}
    </dialog>
  );
}
