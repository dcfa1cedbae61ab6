import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, LaunchOptions, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { ROOT, startServer } from './helpers/server.ts';
import type { RunningServer } from './helpers/server.ts';
import { CHROMIUM, isLocal, launchBrowser } from './helpers/browser.ts';

// Shared set-up of the planner end-to-end tests: a fresh DuckDB seeded with the demo
// district, the real server, Debian's Chromium, and a page that records every request it
// makes and every error it throws.

export const ARTIFACTS = resolve(ROOT, 'tests/artifacts');
export const READY_TIMEOUT_MS = 30_000;
export const VIEWPORT = { width: 1400, height: 900 };

export type Planner = {
  server: RunningServer;
  browser: Browser;
  close: () => Promise<void>;
};

export async function startPlanner(launch?: LaunchOptions): Promise<Planner> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-planner-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer({ ATLAS_DB: join(dir, 'atlas.duckdb') });
  const browser = launch
    ? await chromium.launch({ executablePath: CHROMIUM, ...launch })
    : await launchBrowser();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type WatchedPage = {
  page: Page;
  context: BrowserContext;
  requests: string[];
  errors: string[];
  outside: () => string[];
};

export async function openPage(browser: Browser, url: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, context, requests, errors, outside: () => requests.filter((u) => !isLocal(u)) };
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('body[data-map-ready="1"]', { timeout: READY_TIMEOUT_MS });
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
