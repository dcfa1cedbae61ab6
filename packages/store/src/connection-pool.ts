import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * Reader connections, each lent to one caller at a time. DuckDB runs every query on its
 * own threads; more readers than the libuv thread pool (4 by default) would only queue.
 */
export const READ_CONNECTIONS_MAX = 4;

export class ConnectionPool {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: ((c: DuckDBConnection) => void)[] = [];
  private created = 0;
  private lent = 0;
  private drained: (() => void) | null = null;

  constructor(private readonly instance: DuckDBInstance) {}

  async use<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.acquire();
    try {
      return await fn(c);
    } finally {
      this.release(c);
    }
  }

  private async acquire(): Promise<DuckDBConnection> {
    this.lent++;
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.created < READ_CONNECTIONS_MAX) {
      this.created++;
      return this.instance.connect();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(c: DuckDBConnection): void {
    // `lent` counts callers, waiters included, so it drops by one however c moves on.
    this.lent--;
    const next = this.waiting.shift();
    if (next) return next(c);
    this.idle.push(c);
    if (this.lent === 0) this.drained?.();
  }

  /** Wait until every lent connection is back, then disconnect them all. */
  async close(): Promise<void> {
    if (this.lent > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    for (const c of this.idle.splice(0)) c.closeSync();
  }
}
