import type { BrowserContext, Page } from 'playwright-core';

/** What a page stored outside the shop's own `shop_` keys: sightline's footprint. */
export interface Footprint {
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
}

/** Lists cookies, web storage keys (except `shop_*`) and IndexedDB databases of the page's origin. */
export async function storageFootprint(context: BrowserContext, page: Page): Promise<Footprint> {
  const cookies = (await context.cookies()).map((c) => c.name);
  const inPage = await page.evaluate(async () => {
    const foreign = (store: Storage) => Object.keys(store).filter((key) => !key.startsWith('shop_'));
    const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    return { localStorage: foreign(localStorage), sessionStorage: foreign(sessionStorage), indexedDB: databases.map((d) => d.name ?? '') };
  });
  return { cookies, ...inPage };
}

/** True when nothing is stored outside the shop's keys. */
export function isEmptyFootprint(footprint: Footprint): boolean {
  return Object.values(footprint).every((list) => list.length === 0);
}
