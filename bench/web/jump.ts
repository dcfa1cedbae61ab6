import type { Page } from 'playwright-core';

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
