import type { Bbox, LayerFeature, LayerName } from '@atlas/model';
import type { AuditRun } from './audit-runs.ts';

// Change notification: after every committed upsert, remove or transaction the store tells
// its listeners which layers changed, where (the extents before and after), and what.
// Writes inside a transaction are held back and told only once it commits; a rollback
// tells nothing. Listeners run synchronously, before the write's promise resolves, so a
// cache invalidated by a listener is never seen stale by the writer that caused it.
// Saved audit runs are told the same way, to their own listeners (onAuditRun).

/** What one committed write did to one layer. */
export interface LayerChange<L extends LayerName = LayerName> {
  layer: L;
  /** Features written, in call order (a repeated id: its last occurrence wins). */
  upserted: readonly LayerFeature<L>[];
  /** Ids deleted by remove() (ids that did not exist are left out). */
  removed: readonly string[];
  /** Extents touched: each replaced or deleted row's old bbox and each written row's new one. */
  bboxes: readonly Bbox[];
  /**
   * Set only for listeners that subscribed with { bulk: true }, on a bulk write (a staged
   * import): this many features were written and removed, all within bboxes (one box
   * covering old and new extents); upserted and removed are empty, so read the layer again
   * where you need it. Other listeners are told the same write feature by feature, in
   * chunks of BULK_CHUNK_FEATURES (several StoreChanges, all before the write resolves).
   */
  bulk?: { written: number; removed: number };
}

export interface ChangeOptions {
  /** Be told a bulk write as one summary (LayerChange.bulk) rather than in feature chunks. */
  bulk?: boolean;
}

/** Features per change when a bulk write is told feature by feature. */
export const BULK_CHUNK_FEATURES = 5_000;

/** One commit: its layer changes in the order they were made. */
export interface StoreChange {
  changes: readonly LayerChange[];
}

export type ChangeListener = (change: StoreChange) => void;
/** Told each saved audit run (its findings are committed: queryFindings sees them). */
export type AuditRunListener = (run: AuditRun) => void;

/** Where a store's writes report what they changed. */
export interface ChangeSink {
  record(change: LayerChange): void;
  recordRun(run: AuditRun): void;
}

/** Call every listener; one that throws fails neither the write nor the other listeners. */
function tell<E>(listeners: Set<(event: E) => void>, event: E): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      // The data has committed: failing the write would lie. Report it as uncaught.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/** The root store's listeners: a write on the root store has committed when it records. */
export class ChangeFeed implements ChangeSink {
  private readonly listeners = new Set<ChangeListener>();
  private readonly bulkListeners = new Set<ChangeListener>();
  private readonly runListeners = new Set<AuditRunListener>();

  /** Listen to every commit; returns a function that stops listening. */
  subscribe(listener: ChangeListener, options: ChangeOptions = {}): () => void {
    if (typeof listener !== 'function') {
      throw new TypeError('onChange: expected a listener function (change) => void');
    }
    const set = options.bulk ? this.bulkListeners : this.listeners;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Whether anyone wants a bulk write feature by feature / as a summary. */
  get wantsFeatures(): boolean {
    return this.listeners.size > 0;
  }

  get wantsSummaries(): boolean {
    return this.bulkListeners.size > 0;
  }

  /** One chunk of a bulk write, to the listeners that take it feature by feature. */
  emitChunk(changes: readonly LayerChange[]): void {
    if (changes.length > 0) tell(this.listeners, { changes });
  }

  /** A bulk write's summary, to the listeners that asked for summaries. */
  emitSummary(changes: readonly LayerChange[]): void {
    if (changes.length > 0) tell(this.bulkListeners, { changes });
  }

  /** Listen to every saved audit run; returns a function that stops listening. */
  subscribeRuns(listener: AuditRunListener): () => void {
    if (typeof listener !== 'function') {
      throw new TypeError('onAuditRun: expected a listener function (run) => void');
    }
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  /** False when nobody listens: writers then need not keep what they changed. */
  get hasListeners(): boolean {
    return this.listeners.size + this.bulkListeners.size + this.runListeners.size > 0;
  }

  recordRun(run: AuditRun): void {
    this.emitRuns([run]);
  }

  emitRuns(runs: readonly AuditRun[]): void {
    for (const run of runs) tell(this.runListeners, run);
  }

  record(change: LayerChange): void {
    this.emit([change]);
  }

  emit(changes: readonly LayerChange[]): void {
    if (changes.length === 0) return;
    tell(this.listeners, { changes });
    tell(this.bulkListeners, { changes });
  }
}

/**
 * Where a transaction with no listener records: nothing is kept, so a bulk import of a
 * million rows does not hold every feature until COMMIT. A listener that subscribes while
 * such a transaction runs is told only of later commits.
 */
export const DISCARD_CHANGES: ChangeSink = { record: () => undefined, recordRun: () => undefined };

/** A transaction's changes, held until it commits. */
export class PendingChanges implements ChangeSink {
  readonly changes: LayerChange[] = [];
  readonly runs: AuditRun[] = [];

  record(change: LayerChange): void {
    this.changes.push(change);
  }

  recordRun(run: AuditRun): void {
    this.runs.push(run);
  }
}
