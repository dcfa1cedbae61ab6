import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DataProblem } from '@atlas/model';
import { ApiError } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { followJob } from './follow-job.ts';
import { importClient } from './import-client.ts';
import type { ImportJob, ImportProgress, Overrides, UploadRequest } from './import-client.ts';

// The dialog's state: choose a file → upload → preview (progress from the events) →
// commit → result. A failure keeps the last preview so the user can fix and try again.
// The commit is one request (one transaction): the dialog shows it as working, not as a
// percentage; the events would race with it (the job still rests as 'previewed').

export type ImportPhase =
  'choose' | 'uploading' | 'previewing' | 'previewed' | 'committing' | 'committed';

export type ImportState = {
  phase: ImportPhase;
  job: ImportJob | null;
  progress: ImportProgress | null;
  /** The last failure (network, refusal, rejected commit), in the API's words. */
  error: unknown;
  /** Problems the API sent with a refused request (row, field, reason, severity). */
  refused: DataProblem[];
};

const INITIAL: ImportState = {
  phase: 'choose',
  job: null,
  progress: null,
  error: null,
  refused: [],
};

/** Why a job ended without a preview: failed, cancelled, or cut off by a server restart. */
function jobError(job: ImportJob): Error | null {
  if (job.status === 'error') return new Error(job.error ?? job.status);
  if (job.status === 'cancelled') return new Error(t.import.cancelled);
  if (job.status === 'interrupted') return new Error(t.import.interrupted);
  return null;
}

export function useImport(onCommitted: (job: ImportJob) => void) {
  const client = useMemo(() => importClient(), []);
  const [state, setState] = useState<ImportState>(INITIAL);
  const stopRef = useRef<(() => void) | null>(null);
  const stopFollowing = () => {
    stopRef.current?.();
    stopRef.current = null;
  };
  useEffect(() => stopFollowing, []);

  const follow = useCallback(
    (id: string) => {
      stopFollowing();
      stopRef.current = followJob(client, id, {
        onProgress: (progress) => setState((s) => ({ ...s, progress })),
        onJob: (job) =>
          setState((s) => ({
            ...s,
            job,
            phase: job.status === 'previewing' ? 'previewing' : 'previewed',
            error: jobError(job) ?? s.error,
          })),
        onError: (error) => setState((s) => ({ ...s, error })),
      });
    },
    [client],
  );

  const upload = useCallback(
    (request: UploadRequest) => {
      stopFollowing();
      setState({ ...INITIAL, phase: 'uploading' });
      client.upload(request).then(
        (job) => {
          setState((s) => ({ ...s, job, phase: 'previewing' }));
          follow(job.id);
        },
        (error: unknown) => setState({ ...INITIAL, error, refused: problemsOf(error) }),
      );
    },
    [client, follow],
  );

  const commit = useCallback(
    (overrides: Overrides) => {
      const job = state.job;
      if (!job) return;
      setState((s) => ({ ...s, phase: 'committing', progress: null, error: null, refused: [] }));
      client.commit(job.id, overrides).then(
        (done) => {
          stopFollowing();
          setState((s) => ({ ...s, job: done, phase: 'committed' }));
          onCommitted(done);
        },
        (error: unknown) => {
          stopFollowing();
          setState((s) => ({ ...s, phase: 'previewed', error, refused: problemsOf(error) }));
        },
      );
    },
    [client, onCommitted, state.job],
  );

  return { state, upload, commit };
}

function problemsOf(error: unknown): DataProblem[] {
  return error instanceof ApiError ? (error.problem?.problems ?? []) : [];
}
