import { AsyncLocalStorage } from 'node:async_hooks';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { ConnectionPool } from './connection-pool.ts';
import { Mutex } from './mutex.ts';

// Concurrency. A DuckDB connection holds at most one transaction and every statement sent
// on it joins that transaction, so connections are never shared between callers:
// - Reads borrow a connection from a small pool, so concurrent HTTP requests read in
//   parallel; each sees a snapshot of committed data (DuckDB is MVCC).
// - Writes (upsert, remove, transaction) take the one write lock and run on the one
//   writer connection inside BEGIN … COMMIT. Serialising writers avoids DuckDB's
//   write-write conflict errors, and no stray statement can land in an open transaction.
// - transaction(fn) hands fn a session bound to the writer connection: its calls queue on
//   that connection (Promise.all inside fn is safe) and see the transaction's own writes.
// - A scan streams on a fresh connection of its own, as long as its consumer takes.
// - A staged import (staging.ts) works on a connection of its own too; to commit it takes
//   the write lock for its whole run (exclusive) and runs its one short BEGIN … COMMIT on
//   the writer connection, so nothing else writes between its reads and its commit.

export type Work<T> = (c: DuckDBConnection) => Promise<T>;

export interface Session {
  read<T>(work: Work<T>): Promise<T>;
  /** Atomic: the work's statements commit together or not at all. */
  write<T>(work: Work<T>): Promise<T>;
  transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T>;
}

/** A session inside an open transaction. */
class TxSession implements Session {
  private readonly queue = new Mutex();
  private ended = false;

  constructor(private readonly connection: DuckDBConnection) {}

  read<T>(work: Work<T>): Promise<T> {
    return this.run(work);
  }

  write<T>(work: Work<T>): Promise<T> {
    return this.run(work);
  }

  /** Nested transactions join the outer one (DuckDB has no savepoints). */
  transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T> {
    this.assertActive();
    return fn(this);
  }

  /** Let queued work finish, then refuse any more. */
  async end(): Promise<void> {
    await this.queue.run(async () => undefined);
    this.ended = true;
  }

  private run<T>(work: Work<T>): Promise<T> {
    this.assertActive();
    return this.queue.run(() => work(this.connection));
  }

  private assertActive(): void {
    if (this.ended) {
      throw new Error('transaction already ended: use the tx store only inside transaction(fn)');
    }
  }
}

async function rollbackQuietly(c: DuckDBConnection): Promise<void> {
  // After a failed COMMIT DuckDB has already rolled back; a second ROLLBACK would throw.
  await c.run('ROLLBACK').catch(() => undefined);
}

/** The store's own session: a reader pool and one serialised writer. */
export class RootSession implements Session {
  private readonly readers: ConnectionPool;
  private readonly writeLock = new Mutex();
  private readonly insideTransaction = new AsyncLocalStorage<boolean>();
  private writer: DuckDBConnection | null = null;
  private closed = false;

  constructor(private readonly instance: DuckDBInstance) {
    this.readers = new ConnectionPool(instance);
  }

  read<T>(work: Work<T>): Promise<T> {
    this.assertOpen();
    return this.readers.use(work);
  }

  write<T>(work: Work<T>): Promise<T> {
    return this.transaction((tx) => tx.write(work));
  }

  /** A connection of its own for a long read (a scan), closed when iteration ends. */
  async *stream<T>(work: (c: DuckDBConnection) => AsyncIterable<T>): AsyncGenerator<T> {
    this.assertOpen();
    const c = await this.instance.connect();
    try {
      yield* work(c);
    } finally {
      c.closeSync();
    }
  }

  /** A connection of its own for fn's whole run, closed when fn ends. */
  async dedicated<T>(fn: Work<T>): Promise<T> {
    this.assertOpen();
    const c = await this.instance.connect();
    try {
      return await fn(c);
    } finally {
      c.closeSync();
    }
  }

  /**
   * Hold the write lock for fn's whole run and lend it the writer connection in auto-commit
   * mode: fn opens and ends its own transactions. Writes on the store inside fn are
   * refused (they would wait for fn forever); reads go on in parallel.
   */
  exclusive<T>(fn: Work<T>): Promise<T> {
    this.assertNotNested();
    return this.writeLock.run(async () => {
      const c = (this.writer ??= await this.instance.connect());
      return this.insideTransaction.run(true, () => fn(c));
    });
  }

  private assertNotNested(): void {
    this.assertOpen();
    if (this.insideTransaction.getStore()) {
      throw new Error(
        'a write on the store from inside store.transaction(fn) (or a staged import) would wait for it forever: use the tx argument',
      );
    }
  }

  transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T> {
    this.assertNotNested();
    return this.writeLock.run(async () => {
      const c = (this.writer ??= await this.instance.connect());
      await c.run('BEGIN TRANSACTION');
      const tx = new TxSession(c);
      try {
        const result = await this.insideTransaction.run(true, () => fn(tx));
        await tx.end();
        await c.run('COMMIT');
        return result;
      } catch (error) {
        await tx.end();
        await rollbackQuietly(c);
        throw error;
      }
    });
  }

  /** Wait for running work, then release every connection and the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writeLock.run(async () => undefined);
    await this.readers.close();
    this.writer?.closeSync();
    this.instance.closeSync();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }
}
