import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { STORAGE_ERRORS, TRANSPORT_ERRORS } from '../../src/transport';
import { COLLECTOR, useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { IDB_OPEN_MS, idbTier } from '../../src/storage/idb';
import { localTier } from '../../src/storage/queue-local';
import { recordKey } from '../../src/storage/queue-kv';
import type { QueueRecord } from '../../src/storage/queue-kv';
import { apply } from '../../src/storage/queue-ops';
import { breakIndexedDb, breakLocalStorage, fillIndexedDb, holdIndexedDbOpen, queuedIn, savedIn, watchConnections } from '../utils/transport-store';
import { freshQueue, openTab } from '../utils/transport-tab';
import { turnsUntil } from '../utils/transport-turns';
import { watchPromise } from '../utils/watch-promise';
import type { TransportTab } from '../utils/transport-tab';
import { createSightline } from '../../src/core';
import { collector as createCollector } from '../../src/transport';
import { dispatchPageHide, dispatchVisibilityChange, installNavigation, spyOnBeacon } from '../utils/transport-page';

const collector = useTransportCollector();
const names = () => collector.received.filter((r) => r.status < 300).flatMap((r) => r.body.batch.map((e) => e.event));

describe('the persisted queue', () => {
  useTransportSpec();
  afterEach(() => vi.restoreAllMocks());

  it('resumes on the next page (a new client over the same stores) what the last one could not send', async () => {
    const name = freshQueue();
    const first = await openTab({ queue: { name } });
    collector.answer(503);
    first.track('Cart Viewed');
    first.track('Checkout Started');
    await first.flush();
    await first.destroy();
    expect(names()).toEqual([]);

    const next = await openTab({ queue: { name } });
    expect(names()).toEqual(['Cart Viewed', 'Checkout Started']);
    expect(next.plugin.stats().lastFlush).toBe('start');
    await next.destroy();
  });

  it('falls back to localStorage when IndexedDB throws, and reports the downgrade once', async () => {
    breakIndexedDb();
    const tab = await openTab({ queue: { name: freshQueue() } });
    tab.track('a');
    await tab.flush();
    tab.track('b');
    await tab.flush();
    expect(names()).toEqual(['a', 'b']);
    expect(tab.plugin.stats().storage).toBe('localstorage');
    expect(tab.errors.filter((e) => e.code === STORAGE_ERRORS.downgraded)).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ from: 'indexeddb', to: 'localstorage' }) }),
    ]);
    await tab.destroy();
  });

  it('keeps delivering from memory when IndexedDB and localStorage both throw', async () => {
    breakIndexedDb();
    breakLocalStorage();
    const tab = await openTab({ queue: { name: freshQueue() } });
    for (let i = 0; i < 3; i++) tab.track(`e${i}`);
    await tab.flush();
    tab.track('e3');
    await elapse(2_000);
    expect(names()).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(tab.plugin.stats().storage).toBe('memory');
    const downgrades = tab.errors.filter((e) => e.code === STORAGE_ERRORS.downgraded).map((e) => e.detail);
    expect(downgrades).toEqual([
      expect.objectContaining({ from: 'indexeddb', to: 'localstorage' }),
      expect.objectContaining({ from: 'localstorage', to: 'memory' }),
    ]);
    await tab.destroy();
  });

  it('falls back to localStorage when IndexedDB never opens, and stores nothing there when the open finishes late', async () => {
    const name = freshQueue();
    const open = holdIndexedDbOpen(); // a wedged IndexedDB backend
    const tab = await openTab({ queue: { name } });
    tab.track('Product Added');
    await elapse(IDB_OPEN_MS);
    await tab.flush();
    expect(names()).toEqual(['Product Added']);
    expect(tab.plugin.stats().storage).toBe('localstorage');
    expect(tab.errors).toMatchObject([{ code: STORAGE_ERRORS.downgraded, detail: { from: 'indexeddb', to: 'localstorage' } }]);
    open.release();
    await settle();
    expect(await queuedIn(name)).toEqual([]); // the write given up on did not run there too
    await tab.destroy();
  });

  it('falls back to localStorage when the browser closes the connection and the reopen hangs', async () => {
    const name = freshQueue();
    const connections = watchConnections();
    const tab = await openTab({ queue: { name } });
    tab.track('warm-up');
    await tab.flush();
    connections.closeAll(); // site data cleared from DevTools, a disk failure
    holdIndexedDbOpen(); // and the open that follows never ends
    tab.track('Order Completed');
    const flushed = watchPromise(tab.flush());
    await elapse(2 * IDB_OPEN_MS); // each transaction waiting for the open gives up after IDB_OPEN_MS
    expect(flushed.settled).toBe(true);
    expect(names()).toEqual(['warm-up', 'Order Completed']);
    expect(tab.plugin.stats().storage).toBe('localstorage');
    await tab.destroy();
  });

  it('lets another page delete the database: a tab closes its connection, steps down, and both tabs keep delivering', async () => {
    const name = freshQueue();
    const old = await openTab({ queue: { name } });
    old.track('warm-up');
    await old.flush();
    // The shop erases the queue (docs/delivery.md, Consent): the delete waits for every open connection.
    const deleted = new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
    await settle();
    const tab = await openTab({ queue: { name } });
    tab.track('Checkout Started');
    await tab.flush();
    old.track('In the old tab');
    await old.flush();
    await deleted;
    expect(names()).toEqual(['warm-up', 'Checkout Started', 'In the old tab']);
    expect(tab.plugin.stats().storage).toBe('indexeddb');
    expect(old.plugin.stats().storage).toBe('localstorage');
    await Promise.all([old.destroy(), tab.destroy()]);
  });

  it('leaves nothing in IndexedDB of a write that threw there, which the next tier redoes', async () => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name }, batch: { maxEvents: 2 } });
    tab.track('a');
    await settle(); // stored, waiting for the timer
    // The next write stores two chunks: the first put goes through, the second throws.
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++puts == 2) throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    });
    collector.answer(503); // the count flush that follows keeps a where it is
    tab.track('b');
    tab.track('c');
    tab.track('d'); // chunks [b, c] and [d]
    await settle();
    failing.mockRestore();
    expect(tab.plugin.stats().storage).toBe('localstorage');
    expect(await queuedIn(name)).toHaveLength(1); // a alone: nothing of [b, c]
    await tab.flush();
    await tab.destroy();
    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(names().sort()).toEqual(['a', 'b', 'c', 'd']);
    await next.destroy();
  });

  it.each([
    ['events', { maxEvents: 5 }],
    // Events of ~5.5–6.5 KB (5,000 padding characters plus the envelope): five fit, six do not.
    ['bytes', { maxBytes: 32_500 }],
  ])('drops the oldest past the bound in %s, and reports how many', async (_, bound) => {
    const tab = await openTab({ queue: { name: freshQueue(), ...bound }, batch: { intervalMs: 60_000 } });
    // One event per task, so each is its own chunk (the queue drops whole chunks).
    for (let i = 0; i < 8; i++) {
      tab.track(`e${i}`, { pad: 'x'.repeat(5_000) });
      await settle();
    }
    await tab.flush();
    expect(names()).toEqual(['e3', 'e4', 'e5', 'e6', 'e7']);
    expect(tab.errors).toEqual([expect.objectContaining({ code: TRANSPORT_ERRORS.queueOverflow, detail: { events: 3 } })]);
    expect(tab.plugin.stats().dropped).toEqual({ [TRANSPORT_ERRORS.queueOverflow]: 3 });
    await tab.destroy();
  });
});

/**
 * "Product Viewed" is stored in IndexedDB, which then fills up: "Product Added" is written to
 * localStorage (the queue steps down). Both wait for the batch timer.
 */
async function storeThenFill(tab: TransportTab): Promise<void> {
  tab.track('Product Viewed');
  await settle();
  fillIndexedDb();
  tab.track('Product Added');
  await settle();
}

describe('a full IndexedDB (quota)', () => {
  useTransportSpec();
  afterEach(() => vi.restoreAllMocks());

  it('sends what it already held from there, oldest first, and writes the rest to localStorage: each event once', async () => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name } });
    await storeThenFill(tab);
    expect(tab.plugin.stats().storage).toBe('localstorage');
    await tab.flush();
    expect(names()).toEqual(['Product Viewed', 'Product Added']);
    expect(await queuedIn(name)).toEqual([]); // deleted where it was stored
    await tab.destroy();

    const next = await openTab({ queue: { name } });
    next.track('Checkout Started');
    await next.flush();
    expect(names()).toEqual(['Product Viewed', 'Product Added', 'Checkout Started']);
    await next.destroy();
  });

  it('counts as queued what waits in the current tier once the tier it left is sent', async () => {
    const tab = await openTab({ queue: { name: freshQueue() } });
    await storeThenFill(tab);
    collector.answer(200, 503); // IndexedDB's event goes; localStorage's fails
    await tab.flush();
    expect(names()).toEqual(['Product Viewed']);
    expect(tab.plugin.stats()).toMatchObject({ queued: 1, sent: 1, retried: 1 });
    await tab.destroy();
  });

  it('does not send again with every page what IndexedDB holds, when each page writes before it reads', async () => {
    const name = freshQueue();
    const first = await openTab({ queue: { name } });
    collector.answer(503);
    first.track('Cart Viewed');
    await first.flush(); // kept in IndexedDB for a retry
    await first.destroy();
    fillIndexedDb();
    for (const page of ['/cart', '/checkout', '/thanks']) {
      // A page view tracked as the page loads: its write fails, and the queue steps down,
      // before the start cycle reads what IndexedDB holds.
      const client = createSightline({ writeKey: 'test-key' });
      const plugin = createCollector({ endpoint: COLLECTOR, queue: { name } });
      const used = client.use(plugin);
      client.track('Page Opened', { page });
      await used;
      await settle();
      await client.flush();
      expect(plugin.stats().storage).toBe('localstorage');
      await client.destroy();
    }
    expect(names()).toEqual(['Cart Viewed', 'Page Opened', 'Page Opened', 'Page Opened']);
    expect(await queuedIn(name)).toEqual([]);
  });

  it('does not beacon at a tab switch what it stored there before it filled (the exit notes would delete it in localStorage): the page sends it, once', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } });
    await storeThenFill(tab);
    dispatchVisibilityChange('hidden');
    expect(beacon.calls.map((c) => JSON.parse(c.body).batch.map((e: { event: string }) => e.event))).toEqual([['Product Added']]);
    await elapse(100); // no pagehide follows: the page sends what is stored
    expect(names().sort()).toEqual(['Product Added', 'Product Viewed']);
    expect(await queuedIn(name)).toEqual([]);
    dispatchVisibilityChange('visible');
    await tab.destroy();
    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(names()).toHaveLength(2);
    await next.destroy();
  });

  it('sends once what a page exit saved for the next page as its write committed, when IndexedDB is full by then (held in both)', async () => {
    const name = freshQueue();
    const navigation = installNavigation();
    const page = await openTab({ queue: { name } });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    page.track('Order Completed');
    await turnsUntil(() => put.mock.calls.length > 0); // its write has begun, and not committed
    navigation.navigate(`${location.origin}/thanks`);
    dispatchPageHide(); // saved for the next page, as the write goes on to commit
    await page.destroy();
    await settle();
    expect(await queuedIn(name)).toHaveLength(1);
    expect(savedIn(name)).toHaveLength(1);
    vi.unstubAllGlobals();

    fillIndexedDb();
    const next = await openTab({ queue: { name } }); // cannot move the saved copy into IndexedDB
    await next.flush();
    expect(names()).toEqual(['Order Completed']);
    expect(await queuedIn(name)).toEqual([]);
    expect(savedIn(name)).toEqual([]);
    await next.destroy();
  });

  it('sends once, and empties localStorage of, what another tab beaconed at a tab switch and noted before it filled too', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const other = await openTab({ queue: { name } });
    const tab = await openTab({ queue: { name } });
    other.track('Product Viewed'); // stored in IndexedDB, waiting for the batch timer
    await settle();
    fillIndexedDb();
    tab.track('Product Added'); // its write fails: this tab's queue steps down
    await settle();
    expect([other, tab].map((t) => t.plugin.stats().storage)).toEqual(['indexeddb', 'localstorage']);
    dispatchVisibilityChange('hidden'); // both tabs' exits: the other beacons its stored chunk and notes it
    expect(beacon.calls.flatMap((c) => JSON.parse(c.body).batch.map((e: { event: string }) => e.event)).sort()).toEqual(['Product Added', 'Product Viewed']);
    await other.destroy();
    await tab.flush();
    expect(names().sort()).toEqual(['Product Added', 'Product Viewed']);
    expect(await queuedIn(name)).toEqual([]);
    expect(savedIn(name)).toEqual([]);
    await tab.destroy();
  });

  it('drops a chunk past the queue bound everywhere it is held: not counted lost and then sent from localStorage', async () => {
    const name = freshQueue();
    // A page with room for three events, below a full IndexedDB since its first write.
    const tab = await openTab({ queue: { name, maxEvents: 3 } });
    fillIndexedDb();
    tab.track('Checkout Started');
    await settle();
    expect(tab.plugin.stats().storage).toBe('localstorage');

    // Meanwhile another tab, still in IndexedDB, left chunk C in both tiers (its exit saved
    // C as C's write committed: built directly here) and chunk D, two events, newer.
    const chunk = (time: number, events: string[]): QueueRecord => {
      const j = events.map((event, i) => JSON.stringify({ event, messageId: `${event}-${i}`, type: 'track', properties: {} }));
      return { k: recordKey(time, j.join().length + j.length, j.length, 'other-tab'), j };
    };
    const c = chunk(Date.now() - 2000, ['Old Event']);
    const d = chunk(Date.now() - 1000, ['Product Viewed', 'Product Added']);
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    await apply(idbTier(name), [c, d]);
    fillIndexedDb();
    await apply(localTier(`${name}:q:`), [c]);

    // C is the oldest past the bound (one copy counted), and dropped in both tiers.
    await tab.flush();
    expect(names()).toEqual(['Product Viewed', 'Product Added', 'Checkout Started']);
    expect(tab.plugin.stats()).toMatchObject({ sent: 3, dropped: { 'transport/queue-overflow': 1 } });
    expect(await queuedIn(name)).toEqual([]);
    expect(savedIn(name)).toEqual([]);
    await tab.destroy();
  });

  it.each([
    ['localStorage', () => {}],
    [
      'memory (localStorage full too)',
      (name: string) => {
        const setItem = localStorage.setItem.bind(localStorage);
        const full = vi.spyOn(localStorage, 'setItem').mockImplementation((key, value) => {
          if (key.startsWith(`${name}:q:`)) throw new DOMException('full', 'QuotaExceededError');
          setItem(key, value);
        });
        onTestFinished(() => full.mockRestore());
      },
    ],
  ])('bounds the queue as one across IndexedDB, full, and %s: the oldest go, wherever they wait', async (_, fillLocalStorage) => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name, maxEvents: 5 }, batch: { intervalMs: 60_000 } });
    // One event per task, so each is its own chunk (the queue drops whole chunks).
    const track = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        tab.track(`e${i}`);
        await settle();
      }
    };
    await track(0, 3); // stored in IndexedDB
    fillIndexedDb();
    fillLocalStorage(name);
    collector.answer(503); // the collector is down while the rest comes
    await track(3, 10);
    await tab.flush(); // the bound is checked as a send cycle starts: ten events wait, five may
    expect(names()).toEqual([]);
    expect(tab.errors.filter((e) => e.code != STORAGE_ERRORS.downgraded)).toEqual([
      expect.objectContaining({ code: TRANSPORT_ERRORS.queueOverflow, detail: { events: 5 } }),
    ]);
    expect(tab.plugin.stats()).toMatchObject({ queued: 5, dropped: { [TRANSPORT_ERRORS.queueOverflow]: 5 } });

    await elapse(60_000); // the collector is back for the retry
    expect(names()).toEqual(['e5', 'e6', 'e7', 'e8', 'e9']);
    expect(tab.plugin.stats()).toMatchObject({ queued: 0, sent: 5 });
    expect(await queuedIn(name)).toEqual([]);
    await tab.destroy();
  });
});
