import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AtlasStore } from '@atlas/store';
import { ImportOptions, runImport, type ImportProgress, type Overrides } from '@atlas/import';
import {
  fromStored,
  interruptRunning,
  isResting,
  toStored,
  type ImportJob,
  type JobStatus,
} from './imports-job.ts';

// Import jobs: an uploaded file waiting between its preview and its commit. Each job
// keeps its file in a temp directory until it ends (committed, failed, cancelled,
// interrupted) or expires; listeners (SSE) hear every progress and status change. Every
// status change is saved in the store, so a restart still answers for a job; one that
// was running then reads `interrupted` (recover()).

export const JOB_TTL_MS = 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 5 * 60 * 1000;
/** Jobs listed by GET /api/imports, and looked through for running ones after a restart. */
export const JOBS_LISTED_MAX = 100;
const JOBS_RECOVERED_MAX = 10_000;
const UPLOAD_NAME = 'upload';

export type JobEvent =
  { type: 'progress'; progress: ImportProgress } | { type: 'status'; job: ImportJob };

interface Entry {
  job: ImportJob;
  dir: string | null;
  store: AtlasStore;
  listeners: Set<(e: JobEvent) => void>;
  expiresAt: number;
  abort: AbortController;
}

export class ImportJobs {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly recovered = new WeakMap<AtlasStore, Promise<void>>();

  constructor(
    private readonly limits: { maxFileBytes: number; maxUnzippedBytes?: number },
    /** Where upload directories are made. */
    private readonly uploadRoot = tmpdir(),
  ) {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Once per store: mark jobs a stopped process left running as interrupted, drop their files. */
  recover(store: AtlasStore): Promise<void> {
    let done = this.recovered.get(store);
    if (!done) {
      done = interruptRunning(store, JOBS_RECOVERED_MAX).then(async (dirs) => {
        for (const dir of dirs) await rm(dir, { recursive: true, force: true });
      });
      this.recovered.set(store, done);
    }
    return done;
  }

  /** A fresh temp directory for an upload, and the path its file goes to. */
  async uploadDir(): Promise<{ dir: string; path: string }> {
    const dir = await mkdtemp(join(this.uploadRoot, 'atlas-import-'));
    return { dir, path: join(dir, UPLOAD_NAME) };
  }

  /** The job as it is now, from memory or (after a restart) from the store. */
  async get(store: AtlasStore, id: string): Promise<ImportJob | null> {
    await this.recover(store);
    const live = this.entries.get(id);
    if (live) return live.job;
    const stored = await store.getImportJob(id);
    return stored ? fromStored(stored).job : null;
  }

  /** The newest jobs, newest first. */
  async list(store: AtlasStore): Promise<ImportJob[]> {
    await this.recover(store);
    const stored = await store.listImportJobs(JOBS_LISTED_MAX);
    return stored.map((s) => this.entries.get(s.id)?.job ?? fromStored(s).job);
  }

  listen(id: string, listener: (e: JobEvent) => void): () => void {
    const entry = this.entries.get(id);
    entry?.listeners.add(listener);
    return () => entry?.listeners.delete(listener);
  }

  /** Register an uploaded file and start its preview; `done` resolves when the preview ends. */
  async start(store: AtlasStore, dir: string, fileName: string, options: ImportOptions) {
    await this.recover(store);
    const now = new Date().toISOString();
    const job: ImportJob = {
      id: randomUUID(),
      status: 'previewing',
      fileName,
      options,
      createdAt: now,
      updatedAt: now,
      progress: null,
      preview: null,
      result: null,
      error: null,
    };
    const entry = this.add(job, dir, store);
    await this.save(entry);
    const done = this.run(entry, 'preview', options).then(() => undefined);
    return { job, done };
  }

  /** Commit with the job's options plus overrides; the job must be resting and not ended. */
  async commit(store: AtlasStore, id: string, overrides: Overrides): Promise<ImportJob> {
    const entry = this.entries.get(id) ?? (await this.revive(store, id));
    if (!entry.dir)
      throw new FileGone(`import ${id} is ${entry.job.status}: upload the file again`);
    const options = ImportOptions.parse({ ...entry.job.options, ...overrides });
    entry.job.options = options;
    await this.run(entry, 'commit', options);
    return entry.job;
  }

  /** Cancel a job: a running one stops at its next batch; its file is removed. */
  async cancel(store: AtlasStore, id: string): Promise<ImportJob | null> {
    const entry = this.entries.get(id) ?? (await this.revive(store, id).catch(() => null));
    if (!entry) return this.get(store, id);
    entry.abort.abort();
    if (isResting(entry.job.status)) await this.end(entry, 'cancelled');
    return entry.job;
  }

  /** A job known only to the store (after a restart) whose file is still there. */
  private async revive(store: AtlasStore, id: string): Promise<Entry> {
    const stored = await store.getImportJob(id);
    if (!stored) throw new Error(`no import job ${id}`);
    const { job, dir } = fromStored(stored);
    if (!dir || !existsSync(join(dir, UPLOAD_NAME))) {
      throw new FileGone(`the file of import ${id} is no longer kept: upload it again`);
    }
    return this.add(job, dir, store);
  }

  private add(job: ImportJob, dir: string | null, store: AtlasStore): Entry {
    const entry: Entry = {
      job,
      dir,
      store,
      listeners: new Set(),
      expiresAt: Date.now() + JOB_TTL_MS,
      abort: new AbortController(),
    };
    this.entries.set(job.id, entry);
    return entry;
  }

  private async run(entry: Entry, mode: 'preview' | 'commit', options: ImportOptions) {
    const { job } = entry;
    await this.setStatus(entry, mode === 'preview' ? 'previewing' : 'committing');
    try {
      const report = await runImport(entry.store, join(entry.dir!, UPLOAD_NAME), options, {
        mode,
        name: job.fileName,
        ...this.limits,
        signal: entry.abort.signal,
        onProgress: (progress) => {
          job.progress = progress;
          entry.listeners.forEach((l) => l({ type: 'progress', progress }));
        },
      });
      if (mode === 'preview') job.preview = report;
      else job.result = report;
      if (entry.abort.signal.aborted) await this.end(entry, 'cancelled');
      else if (mode === 'preview') await this.setStatus(entry, 'previewed');
      else if (report.committed) await this.end(entry, 'committed');
      else await this.setStatus(entry, 'rejected');
      return report;
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
      await this.end(entry, 'error');
      throw error;
    }
  }

  /** A job that cannot go on: its file is removed (the record stays). */
  private async end(entry: Entry, status: JobStatus): Promise<void> {
    if (entry.dir) await rm(entry.dir, { recursive: true, force: true });
    entry.dir = null;
    await this.setStatus(entry, status);
  }

  private async setStatus(entry: Entry, status: JobStatus): Promise<void> {
    entry.job.status = status;
    entry.job.updatedAt = new Date().toISOString();
    entry.expiresAt = Date.now() + JOB_TTL_MS;
    await this.save(entry);
    entry.listeners.forEach((l) => l({ type: 'status', job: entry.job }));
  }

  private save(entry: Entry): Promise<void> {
    return entry.store.saveImportJob(toStored(entry.job, entry.dir));
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now || !isResting(entry.job.status)) continue;
      this.entries.delete(id);
      if (entry.dir) await rm(entry.dir, { recursive: true, force: true });
      entry.dir = null;
      await this.save(entry).catch(() => undefined); // the store may be closed by now
    }
  }
}

/** A job whose uploaded file is no longer kept (ended, expired, or lost in a restart). */
export class FileGone extends Error {}
