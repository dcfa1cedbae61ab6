import { isResting } from './import-client.ts';
import type { ImportClient, ImportJob, ImportProgress } from './import-client.ts';

// Follow a job until it rests: Server-Sent Events first (progress and status as they
// happen); when the stream fails (a proxy that buffers, an old browser) poll the job instead.

/** How often the polling fallback asks for the job. */
export const POLL_INTERVAL_MS = 500;

export type FollowHandlers = {
  onProgress: (progress: ImportProgress) => void;
  onJob: (job: ImportJob) => void;
  onError: (error: unknown) => void;
};

/** Starts following; returns a function that stops. */
export function followJob(client: ImportClient, id: string, on: FollowHandlers): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const controller = new AbortController();

  const stop = () => {
    stopped = true;
    source?.close();
    clearTimeout(timer);
    controller.abort();
  };
  const seen = (job: ImportJob) => {
    if (stopped) return;
    if (job.progress) on.onProgress(job.progress);
    on.onJob(job);
    if (isResting(job.status)) stop();
  };

  const poll = () => {
    if (stopped) return;
    client.job(id, controller.signal).then(
      (job) => {
        seen(job);
        if (!stopped) timer = setTimeout(poll, POLL_INTERVAL_MS);
      },
      (error: unknown) => {
        if (!stopped) on.onError(error);
        stop();
      },
    );
  };

  if (typeof EventSource === 'undefined') {
    poll();
    return stop;
  }
  source = new EventSource(client.eventsUrl(id));
  source.addEventListener('progress', (e) => {
    if (!stopped) on.onProgress(JSON.parse((e as MessageEvent<string>).data) as ImportProgress);
  });
  source.addEventListener('status', (e) => seen(JSON.parse((e as MessageEvent<string>).data)));
  // The server ends the stream when the job rests; an error before that means the stream
  // broke: close it (EventSource would otherwise reconnect forever) and poll.
  source.onerror = () => {
    if (stopped) return;
    source?.close();
    source = null;
    poll();
  };
  return stop;
}
