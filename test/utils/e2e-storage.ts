import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CollectorGate } from './e2e-gate';
import { waitForSdk } from './e2e-shop';

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

/**
 * With the collector out of reach (`gate` failing), waits until the page's queue is in
 * localStorage, reloads, and once the SDK runs again lets the gate open and flushes (rather
 * than wait for the retry's backoff): what the queue kept must now be sent.
 */
export async function reloadWithQueueInLocalStorage(page: Page, gate: CollectorGate): Promise<void> {
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('sightline:') && key.includes(':q:')))).toBe(true);
  await page.reload();
  await waitForSdk(page);
  gate.mode = 'open';
  await page.evaluate(() => (window as any).sightline.flush());
}

/**
 * The JSON of every event stored in the SDK's queues whose name starts with `prefix`, read
 * in the page from the stores themselves: IndexedDB's committed records and localStorage's
 * items (`<name>:q:<key>`). What is there survives anything that happens to a renderer.
 */
export function storedEventJson(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate(async (prefix) => {
    const found: string[] = [];
    const take = (record: { j?: unknown }) => Array.isArray(record?.j) && found.push(...(record.j as string[]));
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix) && key.includes(':q:')) take(JSON.parse(localStorage.getItem(key)!));
    // Only databases the SDK made: opening one that does not exist would create it without
    // the SDK's store (and indexedDB is gone where a spec plays a browser without it).
    const names = window.indexedDB ? (await indexedDB.databases()).map((d) => d.name ?? '').filter((name) => name.startsWith(prefix)) : [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name); // no version: never upgrades the SDK's database
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const records = await new Promise<{ j?: unknown }[]>((resolve, reject) => {
        const all = db.transaction('queue', 'readonly').objectStore('queue').getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
      db.close();
      records.forEach(take);
    }
    return found;
  }, prefix);
}
