import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../examples/collector/server';
import { fetchStats, props, waitForEvents } from '../utils/e2e-collector';
import { collectorGate } from '../utils/e2e-gate';
import { collectReports } from '../utils/e2e-sdk-log';
import { anonymousId, presetConsent, visit, waitForSdk } from '../utils/e2e-shop';
import { useE2eEnv } from '../utils/e2e-stack';
import { reloadWithQueueInLocalStorage } from '../utils/e2e-storage';

// Where IndexedDB is missing or refuses to open (private windows of older Firefox and
// Safari, storage disabled by policy), the queue falls back to localStorage, says so once,
// and still survives a reload.
const PROBE = 'Fallback Probe';

const env = useE2eEnv();

const BROKEN_INDEXEDDB = {
  // Firefox's private mode before version 115: open() throws InvalidStateError.
  refusing: () => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
  },
  // Storage switched off, or a browser without IndexedDB.
  missing: () => {
    delete (globalThis as any).indexedDB;
  },
};

async function shopper(broken: keyof typeof BROKEN_INDEXEDDB): Promise<{ context: BrowserContext; page: Page; reports: string[] }> {
  const context = await env.browser.newContext();
  await presetConsent(context, 'accepted');
  await context.addInitScript(BROKEN_INDEXEDDB[broken]);
  const page = await context.newPage();
  return { context, page, reports: collectReports(page) };
}

const probesOf = (events: StoredEvent[]) => events.filter((e) => String(e.event).startsWith(PROBE)).map((e) => props(e).n as number);

describe.each(Object.keys(BROKEN_INDEXEDDB) as Array<keyof typeof BROKEN_INDEXEDDB>)('a browser whose IndexedDB is %s', (broken) => {
  it('keeps the queue in localStorage, reports the downgrade once, and delivers across a reload', async () => {
    const { context, page, reports } = await shopper(broken);
    const gate = await collectorGate(context, env.stack.collector.url);
    await visit(page, `${env.stack.shop.url}/`);
    const id = await anonymousId(page);
    await expect.poll(() => page.evaluate(() => (window as any).sightline.stats()?.storage)).toBe('localstorage');
    await expect.poll(() => reports.filter((code) => code === 'storage/downgraded').length).toBe(1);

    // Nothing can leave: what is tracked must wait in localStorage through the reload.
    gate.mode = 'fail';
    await page.evaluate((name) => {
      for (let n = 0; n < 30; n++) (window as any).sightline.track(name, { n });
    }, PROBE);
    await page.evaluate(() => (window as any).sightline.flush());
    await reloadWithQueueInLocalStorage(page, gate);

    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the probes kept in localStorage',
      until: (all) => probesOf(all).length >= 30,
    });
    expect(probesOf(stored).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n));
    expect(await page.evaluate(() => (window as any).sightline.stats()?.storage)).toBe('localstorage');
    await context.close();
  });
});

// Below IndexedDB every tab of the shop writes the one queue in localStorage, while one of
// them sends and deletes what was delivered. Each tab's renderer reads a copy of
// localStorage that the other's writes reach a little late: a queue kept as one list, read,
// changed and written back whole by each tab, lost the events one tab saved when the
// other wrote its stale copy back.
describe('two tabs of a browser without IndexedDB', () => {
  it('deliver every event of both, each tracked in a task of its own while the other tab sends', async () => {
    const { context, page } = await shopper('missing');
    const other = await context.newPage();
    // One after the other: the second page then reads the first one's anonymous id (its
    // cookie), which the query below filters by. Two first visits loading at the same moment
    // each make an id of their own and end on one (identity-tabs.test.ts), but the page
    // views sent before that would not be found.
    await visit(page, `${env.stack.shop.url}/`);
    await visit(other, `${env.stack.shop.url}/cart`);
    const id = await anonymousId(page);
    expect(await anonymousId(other)).toBe(id);
    const count = 200;
    const track = (tab: Page, name: string) =>
      tab.evaluate(
        async ([name, count]) => {
          for (let n = 0; n < count; n++) {
            // Names in groups of 40: the script tag admits 50 events of one name per 10 s.
            (window as any).sightline.track(`${name} ${Math.floor(n / 40)}`, { n, tab: name });
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        },
        [name, count] as const,
      );
    await Promise.all([track(page, `${PROBE} A`), track(other, `${PROBE} B`)]);
    const keys = (events: StoredEvent[]) => events.filter((e) => String(e.event).startsWith(PROBE)).map((e) => `${props(e).tab}:${props(e).n}`);
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: `the ${2 * count} probes of the two tabs`,
      timeoutMs: 30_000,
      until: (all) => new Set(keys(all)).size >= 2 * count,
    });
    expect(new Set(keys(stored)).size).toBe(2 * count);
    await context.close();
  });
});

// The shop erases the queue (docs/delivery.md, Consent) while pages of it are open. A
// deletion waits for every open connection to close: a page that kept its connection would
// block it, and every later page's open behind it, for as long as it stays open.
describe('a queue database that another page of the shop deletes', () => {
  it('is deleted at once, and the open pages of the shop keep delivering', async () => {
    const context = await env.browser.newContext();
    await presetConsent(context, 'accepted');
    const first = await context.newPage();
    const second = await context.newPage();
    for (const page of [first, second]) {
      await visit(page, `${env.stack.shop.url}/`);
      // Sent: its connection to the queue's database is open.
      await page.evaluate((name) => {
        (window as any).sightline.track(name, { n: 0 });
        return (window as any).sightline.flush();
      }, PROBE);
    }
    const id = await anonymousId(first);
    const name = await first.evaluate(async () => (await indexedDB.databases()).map((db) => db.name).find((db) => db?.startsWith('sightline:')));
    expect(name).toBeTruthy();

    const outcome = await second.evaluate(
      (db) =>
        new Promise<string>((resolve) => {
          indexedDB.deleteDatabase(db!).onsuccess = () => resolve('deleted');
          setTimeout(() => resolve('still blocked after 10 s'), 10_000);
        }),
      name,
    );
    expect(outcome).toBe('deleted');

    for (const [n, page] of [first, second].entries())
      await page.evaluate(
        ([probe, n]) => {
          (window as any).sightline.track(probe, { n });
          return (window as any).sightline.flush();
        },
        [PROBE, n + 1] as const,
      );
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the probes tracked after the deletion',
      until: (all) => probesOf(all).length >= 4,
    });
    expect(probesOf(stored).sort((a, b) => a - b)).toEqual([0, 0, 1, 2]);
    await context.close();
  });
});

// A device low on space: IndexedDB refuses every write (QuotaExceededError) but still reads
// and deletes. The queue moves to localStorage, and what IndexedDB already held is sent from
// there and deleted there: not left for a page that can write again, nor sent again by every
// page. (Chromium's quota override over CDP does not reach a Playwright context's storage, so
// the page's own IndexedDB refuses the writes, as the browser does when the disk is full.)
describe('a browser whose IndexedDB fills up', () => {
  it('sends what IndexedDB already held once, from there, and keeps delivering through localStorage across a reload', async () => {
    const context = await env.browser.newContext();
    await presetConsent(context, 'accepted');
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (sessionStorage.getItem('disk-full')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const page = await context.newPage();
    const reports = collectReports(page);
    const gate = await collectorGate(context, env.stack.collector.url);
    await visit(page, `${env.stack.shop.url}/`);
    const id = await anonymousId(page);
    const before = await fetchStats(env.stack.collector.url);
    const track = (from: number, to: number) =>
      page.evaluate(
        ([probe, from, to]) => {
          // Names of 25 events each: the per-name rate limit admits 50 per 10 s.
          for (let n = from; n < to; n++) (window as any).sightline.track(`${probe} ${Math.floor(n / 25)}`, { n });
          return (window as any).sightline.flush();
        },
        [PROBE, from, to] as const,
      );

    // Nothing can leave: the first probes wait in IndexedDB.
    gate.mode = 'fail';
    await track(0, 30);
    expect(await page.evaluate(() => (window as any).sightline.stats())).toMatchObject({ storage: 'indexeddb' });
    expect(await page.evaluate(() => (window as any).sightline.stats().queued)).toBeGreaterThanOrEqual(30);

    // The disk fills up, for this page and the next.
    await page.evaluate(() => sessionStorage.setItem('disk-full', '1'));
    await track(30, 60);
    await expect.poll(() => page.evaluate(() => (window as any).sightline.stats().storage)).toBe('localstorage');
    expect(reports.filter((code) => code === 'storage/downgraded')).toHaveLength(1);

    gate.mode = 'open';
    await page.evaluate(() => (window as any).sightline.flush());
    await waitForEvents(env.stack.collector.url, { anonymousId: id, describe: 'the 60 probes', until: (all) => probesOf(all).length >= 60 });

    // The next page, whose first write fails too, sends none of them again.
    await page.reload();
    await waitForSdk(page);
    await track(60, 61);
    const stored = await waitForEvents(env.stack.collector.url, { anonymousId: id, describe: 'the probe of the next page', until: (all) => probesOf(all).includes(60) });
    expect(probesOf(stored).sort((a, b) => a - b)).toEqual(Array.from({ length: 61 }, (_, n) => n));
    expect((await fetchStats(env.stack.collector.url)).duplicates).toBe(before.duplicates);
    await context.close();
  });
});

// Site data cleared from DevTools (or by the browser after a disk failure) while a page of
// the shop is open: the browser closes the queue's IndexedDB connection with a `close`
// event. idb-keyval opens the database again at the next transaction (each open bounded by
// 5 s: a reopen that hung used to hold the queue for the rest of the page), and what the
// page tracks from then on is delivered.
describe('a queue whose IndexedDB connection the browser closes', () => {
  it('keeps delivering what the page tracks after site data is cleared', async () => {
    const context = await env.browser.newContext();
    await presetConsent(context, 'accepted');
    const page = await context.newPage();
    await visit(page, `${env.stack.shop.url}/`);
    const id = await anonymousId(page);
    await page.evaluate((name) => {
      (window as any).sightline.track(name, { n: 0 });
      return (window as any).sightline.flush();
    }, PROBE);
    await waitForEvents(env.stack.collector.url, { anonymousId: id, describe: 'the probe before the clear', until: (all) => probesOf(all).includes(0) });

    // A connection of the page's own, open (and listening) before the clear, to see the close
    // the queue's connection gets too.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('close-witness');
          open.onsuccess = () => {
            (window as any).witnessClosed = new Promise((closed) => (open.result.onclose = () => closed('closed')));
            resolve();
          };
        }),
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: env.stack.shop.url, storageTypes: 'indexeddb' });
    const closed = await page.evaluate(() =>
      Promise.race([(window as any).witnessClosed, new Promise((resolve) => setTimeout(() => resolve('not closed after 10 s'), 10_000))]),
    );
    expect(closed).toBe('closed');

    await page.evaluate((name) => {
      for (let n = 1; n <= 20; n++) (window as any).sightline.track(name, { n });
      return (window as any).sightline.flush();
    }, PROBE);
    const stored = await waitForEvents(env.stack.collector.url, {
      anonymousId: id,
      describe: 'the probes tracked after the clear',
      until: (all) => probesOf(all).length >= 21,
    });
    expect(probesOf(stored).sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, n) => n));
    // Opened again (a new, empty database), not stepped down.
    expect(await page.evaluate(() => (window as any).sightline.stats().storage)).toBe('indexeddb');
    await context.close();
  });
});
