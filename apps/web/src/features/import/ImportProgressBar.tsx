import { t } from '../../i18n/index.ts';
import type { ImportProgress } from './import-client.ts';
import type { ImportPhase } from './use-import.ts';

// Progress of the upload's preview (fed by the job's events) or of the commit. The bar
// has its words beside it, for screen readers and for browsers that draw no <progress>.

const PERCENT = 100;

type Props = { phase: ImportPhase; progress: ImportProgress | null };

export function ImportProgressBar({ phase, progress }: Props) {
  const share =
    progress && progress.bytesRead !== null && progress.totalBytes > 0
      ? Math.min(1, progress.bytesRead / progress.totalBytes)
      : null;
  const percent = share === null ? null : Math.round(share * PERCENT);
  const text =
    phase === 'uploading'
      ? t.import.uploading
      : phase === 'committing'
        ? t.import.committing
        : progress
          ? t.import.progress(
              t.import.phases[progress.phase] ?? progress.phase,
              progress.rows,
              percent,
            )
          : t.import.phases.reading;
  return (
    <div className="import-progress">
      <progress
        aria-label={t.import.progressLabel}
        max={PERCENT}
        {...(percent === null || phase !== 'previewing' ? {} : { value: percent })}
      >
        {text}
      </progress>
      <p role="status" data-testid="import-progress">
        {text}
      </p>
    </div>
  );
}
