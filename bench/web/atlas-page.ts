import type { Page } from 'playwright-core';

// The atlas in a benchmark page: open it, and move its map to a view.

/** Loading the province (a million stores) takes a while. */
export const START_TIMEOUT_MS = 180_000;

/**
 * tsx (esbuild keepNames) wraps named functions in __name(): a function of ours run in the
 * page needs it there too. Add it before any such init script.
 */
export const KEEP_NAMES_SCRIPT = { content: 'globalThis.__name = (f) => f;' };

/** Open the atlas at `url` and wait until its map has loaded. */
export async function openAtlas(page: Page, url: string) {
  await page.addInitScript(KEEP_NAMES_SCRIPT);
  await page.goto(url);
  await page.waitForFunction(() => window.__atlasMap?.loaded(), undefined, {
    timeout: START_TIMEOUT_MS,
  });
}

/** Jump the atlas map to a view and wait until it has drawn every tile there. */
export async function jumpAndSettle(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(
    async ({ center, zoom }) => {
      const map = window.__atlasMap!;
      map.jumpTo({ center, zoom });
      await new Promise((r) => map.once('idle', r));
    },
    { center, zoom },
  );
}
