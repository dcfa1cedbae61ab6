import type { Page } from 'playwright-core';

// The atlas in a benchmark page: open it, and move its map to a view.

/** Loading the province (a million stores) takes a while. */
export const START_TIMEOUT_MS = 180_000;

/** Open the atlas at `url` and wait until its map has loaded. */
export async function openAtlas(page: Page, url: string) {
  // tsx (esbuild keepNames) wraps named functions in __name(); the page needs it too.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
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
