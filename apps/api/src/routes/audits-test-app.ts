import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedFromDirectory } from '@atlas/store';
import { schoolFeature, storeFeature, testApp } from '../test-app.ts';

// Test support for the audit routes: the real app over a temp DuckDB file seeded with the
// demo district (data/demo), or — where it has not been generated — with a few fixtures.

export const DEMO_DIR = fileURLToPath(new URL('../../../../data/demo', import.meta.url));

export async function demoApp() {
  const ctx = await testApp();
  if (existsSync(DEMO_DIR)) await seedFromDirectory(ctx.store, DEMO_DIR);
  else {
    await ctx.store.upsert('schools', [schoolFeature('sch-001', 111.3, 30.8)]);
    await ctx.store.upsert('stores', [storeFeature(1, 111.3, 30.8)]);
  }
  return ctx;
}

export async function json<T>(res: Response, status: number): Promise<T> {
  const body = (await res.json()) as T;
  if (res.status !== status)
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

export const post = (body: unknown, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
