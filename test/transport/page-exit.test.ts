import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { installWebLocks, removeWebLocks } from '../utils/transport-locks';
import { dispatchOnline, dispatchPageHide, dispatchVisibilityChange, goOffline, installNavigation, microtasksUntil, spyOnBeacon } from '../utils/transport-page';
import { breakIndexedDb, breakLocalStorage, holdIndexedDbOpen, queuedIn, savedIn } from '../utils/transport-store';
import { STORAGE_ERRORS, TRANSPORT_ERRORS } from '../../src/transport';
import { turnsUntil } from '../utils/transport-turns';
import { freshQueue, openTab } from '../utils/transport-tab';
import type { TransportTab } from '../utils/transport-tab';
import type { Properties } from '../../src/types';
import type { CollectorOptions } from '../../src/transport/options';

const collector = useTransportCollector();
const KEEPALIVE_BYTES = 64 * 1024;

/** Tracks `event`, lets it be stored, and starts its send, answered 500 ms later: it is under way when this resolves. */
async function sendUnderWay(tab: TransportTab, event: string, properties?: Properties): Promise<void> {
  tab.track(event, properties);
  await settle();
  collector.answer({ status: 200, delayMs: 500 });
  void tab.flush();
  await turnsUntil(() => tab.plugin.stats().inFlight === 1);
}

/** A tab where IndexedDB and localStorage both throw: its queue lives in memory, and goes with the page. */
async function openMemoryTab(options: Partial<CollectorOptions> = {}): Promise<{ tab: TransportTab; beacon: ReturnType<typeof spyOnBeacon> }> {
  breakIndexedDb();
  breakLocalStorage();
  const beacon = spyOnBeacon();
  return { tab: await openTab({ ...options, queue: { name: freshQueue() } }), beacon };
}

/**
 * A tab of the queue `name` holding `Product Added` stored, waiting for the batch timer (its
 * key returned too), and `Checkout Started` tracked in this task, not yet written.
 */
async function storedAndUnwritten(name: string): Promise<[TransportTab, string]> {
  const page = await openTab({ queue: { name } });
  page.track('Product Added');
  await settle();
  const [stored] = await queuedIn(name);
  page.track('Checkout Started');
  await microtasksUntil(() => page.plugin.stats().queued === 2);
  return [page, stored!];
}

/** Tracks `event` and closes the tab in the same task (`pagehide` before any task runs). */
async function trackAndClose(tab: TransportTab, event: string): Promise<void> {
  tab.track(event);
  await microtasksUntil(() => tab.plugin.stats().queued === 1);
  dispatchPageHide();
}

/**
 * Runs `act` as the sender asks for its next read of the queue (the keys of a batch), before
 * the read goes to IndexedDB. Returns the spy, which counts the reads.
 */
function asTheSenderReads(act: () => void) {
  const read = IDBObjectStore.prototype.getAllKeys;
  return vi.spyOn(IDBObjectStore.prototype, 'getAllKeys').mockImplementationOnce(function (this: IDBObjectStore, ...args) {
    act();
    return read.apply(this, args);
  });
}

/**
 * A tab whose queue keeps at most two events, holding three chunks of one event each (one
 * task each), stored and waiting for the batch timer: its next send cycle cuts the oldest.
 */
async function tabOverItsBound(name: string): Promise<TransportTab> {
  const tab = await openTab({ queue: { name, maxEvents: 2 } });
  for (const event of ['Product Viewed', 'Product Added', 'Cart Viewed']) {
    tab.track(event);
    await settle();
  }
  return tab;
}

describe('page exit', () => {
  useTransportSpec();
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('beacons what fits in 64 KiB, saves the rest synchronously, and the next page delivers it: all once', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name } });
    // A click handler tracks 300 events (~0.9 KB each, ~270 KB) and navigates away.
    for (let i = 0; i < 300; i++) page.track(`Impression ${i}`, { pad: 'x'.repeat(500) });
    await microtasksUntil(() => page.plugin.stats().queued === 300);
    dispatchPageHide();

    // Synchronously: beacons within the budget, the rest in localStorage.
    expect(beacon.calls.length).toBeGreaterThan(0);
    expect(beacon.calls.reduce((n, c) => n + c.bytes, 0)).toBeLessThanOrEqual(KEEPALIVE_BYTES);
    const saved = savedIn(name);
    expect(saved.length).toBeGreaterThan(0);
    await page.destroy();

    const next = await openTab({ queue: { name } });
    await next.flush();
    const ids = collector.delivered();
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(savedIn(name)).toEqual([]);
    await next.destroy();
  });

  it.each([
    ['not yet stored', false],
    ['stored, waiting for the sender', true],
  ])('fills to the event what a request in flight leaves of the budget, with chunks of a whole batch %s', async (_, stored) => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name } });
    await sendUnderWay(page, 'Product List Viewed', { pad: 'x'.repeat(8_000) }); // the page's last batch, still on its way
    // Then a click tracks 60 events (~1.2 KB each: a chunk of 50 weighs ~60 KB, more than is left) and leaves.
    for (let i = 0; i < 60; i++) page.track(`Impression ${i}`, { pad: 'x'.repeat(1_000) });
    if (stored) await settle();
    else await microtasksUntil(() => page.plugin.stats().queued === 61);
    dispatchPageHide();
    const beaconed = beacon.calls.reduce((n, c) => n + c.bytes, 0);
    await elapse(500);
    await page.destroy();
    const inFlight = collector.received.find((r) => r.body.batch[0]?.event === 'Product List Viewed')!.bytes;
    // Of the budget, less than two events' worth (~1.2 KB each) goes unused.
    expect(beaconed).toBeLessThanOrEqual(KEEPALIVE_BYTES - inFlight);
    expect(beaconed).toBeGreaterThan(KEEPALIVE_BYTES - inFlight - 2_400);

    const next = await openTab({ queue: { name } });
    await next.flush();
    const ids = collector.delivered();
    expect(ids).toHaveLength(61); // none twice
    expect(new Set(ids).size).toBe(61);
    expect(savedIn(name)).toEqual([]);
    await next.destroy();
  });

  it('beacons, in the same task, events that later pagehide listeners track (page leave)', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name } });
    // Registered after the SDK's own listener, as capture plugins' are.
    const leave = () => page.track('Page Left', { engagedMs: 1234 });
    window.addEventListener('pagehide', leave);
    dispatchPageHide();
    window.removeEventListener('pagehide', leave);
    await microtasksUntil(() => beacon.calls.length > 0);
    await page.destroy();
    await settle();
    expect(collector.names()).toEqual(['Page Left']);
  });

  it('beacons at once events already stored but still waiting for the batch timer (add to cart, then close)', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } });
    tab.track('Product Added');
    await settle(); // durable in IndexedDB; the 2 s timer has not fired
    const [key] = await queuedIn(name);
    expect(collector.received).toHaveLength(0);
    dispatchPageHide();
    // Synchronously: the page may be gone before any IndexedDB read or delete completes.
    expect(beacon.calls).toHaveLength(1);
    // "Sent", noted synchronously: the next page deletes it instead of sending it again.
    expect(savedIn(name)).toEqual([[key, { k: key, j: [] }]]);
    await tab.destroy();

    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(collector.delivered()).toHaveLength(1); // the next page does not send it again
    expect(await queuedIn(name)).toEqual([]);
    await next.destroy();
  });

  it.each([
    ['a page of this site loads next: it sends them, retrying until a 2xx', `${location.origin}/cart`, 0],
    ['another site loads next', 'https://pay.example/checkout', 1],
    ['a single-page app took the navigation over', 'intercepted', 1],
  ])('beacons stored events at page exit only when no page of this site is known to follow (%s)', async (_, to, beacons) => {
    const name = freshQueue();
    const navigation = installNavigation();
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } });
    tab.track('Product Added');
    await settle();
    navigation.navigate(to === 'intercepted' ? `${location.origin}/cart` : to);
    if (to === 'intercepted') navigation.intercepted();
    dispatchPageHide();
    expect(beacon.calls).toHaveLength(beacons);
    // The note that they were sent (a record with no events); a page of this site that
    // follows gets them as they are, saved as well (see the next test but one).
    const spilled = savedIn(name);
    expect(spilled.some(([, r]) => !r.j.length)).toBe(beacons > 0);
    await tab.destroy();
    await settle(); // the beacon reaches the collector within this test
  });

  it('saves what is not durable yet for the next page, without a beacon, when a page of this site loads next', async () => {
    const name = freshQueue();
    const navigation = installNavigation();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name } });
    page.track('Product Added');
    await microtasksUntil(() => page.plugin.stats().queued === 1);
    navigation.navigate(`${location.origin}/cart`);
    dispatchPageHide();
    expect(beacon.calls).toHaveLength(0);
    expect(savedIn(name)).toHaveLength(1);
    await page.destroy();

    const next = await openTab({ queue: { name } });
    expect(collector.delivered()).toHaveLength(1);
    await next.destroy();
  });

  it('saves what is not durable yet, and beacons nothing, when the browser is offline: the next page delivers it all, once', async () => {
    // A shopper on a train closes the tab: a beacon would fail, and nobody reads its answer.
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const [page, stored] = await storedAndUnwritten(name);
    const online = goOffline();
    dispatchPageHide();
    expect(beacon.calls).toHaveLength(0);
    // Saved: the event not yet written. Not noted as sent: the stored one stays stored.
    expect(savedIn(name).map(([, r]) => r.j.map((j) => JSON.parse(j).event))).toEqual([['Checkout Started']]);
    expect(await queuedIn(name)).toContain(stored);
    await page.destroy();
    online();

    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(collector.names().sort()).toEqual(['Checkout Started', 'Product Added']);
    expect(new Set(collector.delivered()).size).toBe(2);
    await next.destroy();
  });

  it('beacons nothing at a tab switch while the browser is offline, and delivers everything once when the tab is back online', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const [page] = await storedAndUnwritten(name);
    const online = goOffline();
    dispatchVisibilityChange('hidden');
    expect(beacon.calls).toHaveLength(0);
    dispatchVisibilityChange('visible');
    online();
    dispatchOnline();
    await elapse(3_000);
    await page.flush();
    expect(collector.names().sort()).toEqual(['Checkout Started', 'Product Added']);
    expect(new Set(collector.delivered()).size).toBe(2);
    expect(savedIn(name)).toEqual([]); // the saved copy was taken in, and is stored once
    await page.destroy();
  });

  it('keeps a write the exit saved for the next page from beginning once the database opens: the next page sends it once', async () => {
    const name = freshQueue();
    const navigation = installNavigation();
    const open = holdIndexedDbOpen();
    const page = await openTab({ queue: { name } });
    vi.mocked(indexedDB.open).mockRestore(); // (only that page's open is held)
    page.track('Product Added');
    await settle(); // its first write is asked for, and waits for the database
    expect(page.plugin.stats().queued).toBe(1);
    navigation.navigate(`${location.origin}/cart`);
    dispatchPageHide();
    expect(savedIn(name)).toHaveLength(1);

    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(collector.delivered()).toHaveLength(1);
    open.release(); // the old page's database opens at last
    await settle();
    expect(await queuedIn(name)).toEqual([]); // before, its write stored the event again
    await next.flush();
    expect(collector.delivered()).toHaveLength(1);
    await page.destroy();
    await next.destroy();
  });

  it('beacons what a pagehide listener after ours tracks and flushes, while backing off below IndexedDB', async () => {
    breakIndexedDb(); // the queue in localStorage: its writes are done at once
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name } });
    collector.answer(500);
    page.track('Product Viewed');
    await page.flush(); // refused: backing off, the batch stays stored for a retry
    dispatchPageHide(); // ours first; then the page's own listener:
    page.track('Page Left');
    await microtasksUntil(() => page.plugin.stats().queued === 2); // handed over, not yet beaconed
    void page.flush();
    await settle();
    const beaconed = beacon.calls.flatMap((c) => JSON.parse(c.body).batch.map((e: { event: string }) => e.event));
    expect(beaconed).toContain('Page Left'); // before, the flush took it from the exit and wrote it nowhere
    await page.destroy();
  });

  it('starts no request once a page of this site is announced to load next: that page sends the batch, once', async () => {
    const name = freshQueue();
    const navigation = installNavigation();
    const page = await openTab({ queue: { name } });
    page.track('Product Added');
    await settle(); // stored; its batch timer runs
    navigation.navigate(`${location.origin}/cart`);
    // The timer fires while the cart page loads. A keepalive request started now would
    // reach the collector after this page is gone, and the cart page would send it again.
    await elapse(3_000);
    expect(collector.received).toHaveLength(0);
    dispatchPageHide();
    await page.destroy();
    const next = await openTab({ queue: { name } });
    expect(collector.delivered()).toHaveLength(1);
    await next.destroy();
  });

  it('sends after all when an announced navigation to this site left the page where it was (a download)', async () => {
    const navigation = installNavigation();
    const page = await openTab({ queue: { name: freshQueue() } });
    page.track('Product Added');
    await settle();
    navigation.navigate(`${location.origin}/invoice.pdf`);
    await elapse(5_000);
    expect(collector.received).toHaveLength(0);
    await elapse(7_000);
    expect(collector.delivered()).toHaveLength(1);
    await page.destroy();
  });

  it('ends a backoff when a flush delivers as a navigation to this site is announced (a download), and sends at the batch timer after it', async () => {
    const navigation = installNavigation();
    const tab = await openTab({ queue: { name: freshQueue() } });
    collector.answer({ status: 503, headers: { 'Retry-After': '300' } });
    tab.track('Product Added');
    await tab.flush(); // refused: a retry in 300 s
    collector.answer({ status: 200, delayMs: 500 });
    void tab.flush(); // the page asks: sent at once, whatever the backoff
    await turnsUntil(() => tab.plugin.stats().inFlight === 1);
    navigation.navigate(`${location.origin}/invoice.pdf`); // a download: the page stays
    await elapse(12_000);
    expect(collector.delivered()).toHaveLength(1);
    tab.track('Checkout Started');
    await elapse(3_000); // its batch timer, not the 300 s retry that no longer has anything to do
    expect(collector.delivered()).toHaveLength(2);
    await tab.destroy();
  });

  it('waits for the window without spinning, with `batch.intervalMs: 0`, while a page of this site loads next', async () => {
    const locks = installWebLocks();
    const navigation = installNavigation();
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { intervalMs: 0 } });
    navigation.navigate(`${location.origin}/cart`);
    const before = locks.granted;
    tab.track('Product Added');
    await elapse(10_000);
    expect(locks.granted - before).toBeLessThan(10); // a cycle per 2 s at most, not one per timer turn
    await elapse(2_000);
    expect(collector.delivered()).toHaveLength(1); // the page stayed: sent after the window
    await tab.destroy();
  });

  it('beacons at its exit once an announced navigation to this site evidently did not happen (a download, 10 s before)', async () => {
    const navigation = installNavigation();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name: freshQueue() } });
    navigation.navigate(`${location.origin}/invoice.pdf`);
    await elapse(11_000);
    await trackAndClose(page, 'Product Added');
    expect(beacon.calls).toHaveLength(1);
    await page.destroy();
    await settle();
  });

  it('times the window by the page clock: a wall clock set back (a time sync after a download link) neither stretches it nor stops sending', async () => {
    const navigation = installNavigation();
    const beacon = spyOnBeacon();
    const page = await openTab({ queue: { name: freshQueue() } });
    navigation.navigate(`${location.origin}/invoice.pdf`);
    await elapse(5_000);
    vi.setSystemTime(Date.now() - 60_000); // the system clock steps back a minute
    page.track('Product Added');
    await elapse(7_000); // 12 s after the link: the batch timer sends
    expect(collector.delivered()).toHaveLength(1);
    await trackAndClose(page, 'Checkout Started'); // beaconed, not saved for a next page
    expect(beacon.calls).toHaveLength(1);
    await page.destroy();
    await settle();
  });

  it('notes the batch it just delivered, when a page of this site loads next before its delete commits', async () => {
    const name = freshQueue();
    const navigation = installNavigation();
    const page = await openTab({ queue: { name } });
    page.track('Product Added');
    await settle();
    const [key] = await queuedIn(name);
    void page.flush();
    // The 2xx came, the delete (an IndexedDB write) has not committed: a link is clicked.
    await turnsUntil(() => page.plugin.stats().sent === 1);
    navigation.navigate(`${location.origin}/cart`);
    dispatchPageHide();
    expect(savedIn(name)).toEqual([[key, { k: key, j: [] }]]);
    await page.destroy();
  });

  it('notes the batch it just delivered, when the page goes elsewhere (a closing tab, another site) before its delete commits', async () => {
    const name = freshQueue();
    const page = await openTab({ queue: { name } });
    page.track('Product Added');
    await settle();
    const [key] = await queuedIn(name);
    void page.flush();
    await turnsUntil(() => page.plugin.stats().sent === 1); // answered 2xx; the delete has not committed
    dispatchPageHide();
    expect(savedIn(name)).toEqual([[key, { k: key, j: [] }]]);
    await page.destroy();
  });

  it('leaves the batch it was retrying for the next page, which sends it at once, when a page of this site loads next', async () => {
    const name = freshQueue();
    const navigation = installNavigation();
    const page = await openTab({ queue: { name } });
    collector.answer(500);
    page.track('Product Added');
    await page.flush();
    expect(page.plugin.stats().retried).toBe(1);
    navigation.navigate(`${location.origin}/cart`);
    dispatchPageHide();
    await page.destroy();
    const next = await openTab({ queue: { name } });
    expect(collector.received.map((r) => [r.status, r.body.batch.map((e) => e.event)])).toEqual([
      [500, ['Product Added']],
      [200, ['Product Added']],
    ]);
    await next.destroy();
  });

  it('sends once what it saved for the next page and then sent itself, when the page lived on (a tab switch during a send)', async () => {
    const name = freshQueue();
    vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false); // nothing rides a beacon: all that is not durable is saved
    const page = await openTab({ queue: { name } });
    await sendUnderWay(page, 'Product Viewed'); // a slow answer: this send is under way at the exit
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    page.track('Product Added');
    await turnsUntil(() => put.mock.calls.length > 0); // its IndexedDB write has begun, and not committed
    dispatchVisibilityChange('hidden');
    expect(savedIn(name)).toHaveLength(1); // saved for the next page
    dispatchVisibilityChange('visible');
    // The write commits after all; the page lives on, and its send cycle delivers it from IndexedDB.
    await elapse(500);
    await page.flush();
    await page.destroy();

    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(collector.names()).toEqual(['Product Viewed', 'Product Added']);
    expect(savedIn(name)).toEqual([]);
    await next.destroy();
  });

  it('leaves no more notes in localStorage once its sender took in what a tab switch during a write saved there', async () => {
    const name = freshQueue();
    vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false); // nothing rides a beacon: all that is not durable is saved
    const page = await openTab({ queue: { name } });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    page.track('Product Added');
    await turnsUntil(() => put.mock.calls.length > 0); // its IndexedDB write has begun, and not committed
    dispatchVisibilityChange('hidden'); // saved for the next page, as the write goes on to commit
    dispatchVisibilityChange('visible');
    await elapse(500); // the page lives on: its sender takes the saved copy in, then delivers the chunk
    await page.flush();
    expect(savedIn(name)).toEqual([]);
    const setItem = vi.spyOn(localStorage, 'setItem');
    onTestFinished(() => setItem.mockRestore());
    for (const event of ['Cart Viewed', 'Checkout Started']) {
      page.track(event);
      await page.flush();
    }
    // Nothing of them was ever saved: delivered, they are deleted in IndexedDB alone, not noted for the next page too.
    expect(setItem.mock.calls.filter(([key]) => key.startsWith(`${name}:q:`))).toEqual([]);
    await page.destroy();
    const next = await openTab({ queue: { name } });
    await next.flush();
    expect(collector.names()).toEqual(['Product Added', 'Cart Viewed', 'Checkout Started']);
    await next.destroy();
  });

  it('keeps in memory, where nothing can be saved, the rest of a chunk that went in part, and sends it when the tab is back', async () => {
    const { tab, beacon } = await openMemoryTab();
    await sendUnderWay(tab, 'Product List Viewed', { pad: 'x'.repeat(8_000) });
    for (let i = 0; i < 60; i++) tab.track(`Impression ${i}`, { pad: 'x'.repeat(1_000) });
    await settle(); // in memory, waiting for the sender
    dispatchVisibilityChange('hidden'); // a tab switch: part of the first chunk fits the budget
    expect(beacon.calls.length).toBeGreaterThan(0);
    dispatchVisibilityChange('visible');
    await elapse(3_000);
    await tab.flush();
    const ids = collector.delivered();
    expect(ids).toHaveLength(61);
    expect(new Set(ids).size).toBe(61);
    expect(tab.errors.map((e) => e.code)).not.toContain('transport/exit-lost');
    await tab.destroy();
  });

  describe('where nothing can be stored but memory, which goes with the page', () => {
    const beaconed = (calls: { body: string }[]) => calls.flatMap((call) => (JSON.parse(call.body) as { batch: { event: string }[] }).batch.map((e) => e.event));

    it('beacons at pagehide what it keeps for a retry, with what waits for the sender', async () => {
      const { tab, beacon } = await openMemoryTab({ retry: { baseMs: 60_000 } });
      collector.answer(503);
      tab.track('Order Completed');
      await tab.flush(); // 503: kept in memory for a retry, up to a minute away
      tab.track('Checkout Started');
      await settle();
      expect(tab.plugin.stats().storage).toBe('memory');
      dispatchPageHide(); // the tab is closed
      expect(beaconed(beacon.calls)).toEqual(['Order Completed', 'Checkout Started']);
      await settle();
      expect(collector.delivered()).toHaveLength(2);
      await tab.destroy();
    });

    it('beacons at pagehide what it holds even when a page of this site loads next (nothing else would send it)', async () => {
      breakIndexedDb();
      const name = freshQueue();
      // localStorage nearly full: the queue's write fails (memory from here), a small save still fits.
      const setItem = Storage.prototype.setItem;
      const full = vi.spyOn(localStorage, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
        if (key.startsWith(`${name}:q:`) && value.length > 2_000) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(localStorage, key, value);
      });
      const navigation = installNavigation();
      const beacon = spyOnBeacon();
      const page = await openTab({ queue: { name } });
      page.track('Product Viewed', { description: 'x'.repeat(3_000) });
      await settle();
      expect(page.plugin.stats().storage).toBe('memory');
      navigation.navigate(`${location.origin}/cart`);
      dispatchPageHide();
      full.mockRestore();
      expect(beacon.calls.map((c) => c.body).join('')).toContain('Product Viewed');
      await page.destroy();
      await settle();
    });

    it('reports lost at pagehide what it kept and could not beacon, and does not send it if the page comes back', async () => {
      const { tab, beacon } = await openMemoryTab({ retry: { baseMs: 60_000 } });
      collector.answer(503);
      for (let i = 0; i < 300; i++) tab.track(`Impression ${i}`, { pad: 'x'.repeat(500) });
      await settle(); // the first batch of 50 is answered 503: all 300 kept in memory (~150 KB, past the beacon budget)
      expect(tab.plugin.stats()).toMatchObject({ queued: 300, retried: 50, storage: 'memory' });
      dispatchPageHide(); // into the back/forward cache, or gone
      const sent = beaconed(beacon.calls).length;
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThan(300);
      expect(tab.errors.filter((e) => e.code != 'storage/downgraded')).toMatchObject([{ code: 'transport/exit-lost', detail: { events: 300 - sent } }]);
      expect(tab.plugin.stats()).toMatchObject({ sent, queued: 0, dropped: { 'transport/exit-lost': 300 - sent } });
      // Back from the cache after all: what it reported lost does not go after all.
      window.dispatchEvent(new Event('pageshow'));
      await elapse(61_000);
      await tab.flush();
      expect(collector.delivered()).toHaveLength(sent);
      await tab.destroy();
    });

    it('beacons the batch whose request failed after pagehide, as nothing else holds it', async () => {
      const { tab, beacon } = await openMemoryTab();
      tab.track('Order Completed');
      await settle();
      collector.answer({ status: 503, delayMs: 500 });
      void tab.flush();
      await turnsUntil(() => tab.plugin.stats().inFlight === 1);
      dispatchPageHide(); // its request under way: not beaconed
      expect(beacon.calls).toEqual([]);
      await elapse(1_000); // 503, read before the page is gone
      expect(beaconed(beacon.calls)).toEqual(['Order Completed']);
      expect(tab.errors.map((e) => e.code)).not.toContain('transport/exit-lost');
      await tab.destroy();
    });

    it('beacons at pagehide what follows the half under way of a batch going in halves, and nothing again once that half is answered', async () => {
      const { tab, beacon } = await openMemoryTab();
      for (const name of ['Product Viewed', 'Product Added', 'Cart Viewed', 'Checkout Started']) tab.track(name);
      await settle(); // one chunk of four
      collector.answer(413, { status: 200, delayMs: 500 }); // too large: the first half goes, slowly
      void tab.flush();
      await turnsUntil(() => tab.plugin.stats().inFlight === 2);
      dispatchPageHide(); // no half is fetched after pagehide: the second goes now
      expect(beaconed(beacon.calls)).toEqual(['Cart Viewed', 'Checkout Started']);
      await elapse(1_000); // the first half's 200 is read before the page is gone
      expect(beacon.calls).toHaveLength(1);
      expect(collector.delivered()).toHaveLength(4); // each event once: two fetched, two beaconed
      expect(new Set(collector.delivered()).size).toBe(4);
      expect(tab.errors.map((e) => e.code)).not.toContain('transport/exit-lost');
      await tab.destroy();
    });

    it('beacons the half under way at pagehide of a batch going in halves once it fails, and not what followed it again', async () => {
      const { tab, beacon } = await openMemoryTab();
      for (const name of ['Product Viewed', 'Product Added', 'Cart Viewed', 'Checkout Started']) tab.track(name);
      await settle();
      collector.answer(413, { status: 503, delayMs: 500 });
      void tab.flush();
      await turnsUntil(() => tab.plugin.stats().inFlight === 2);
      dispatchPageHide();
      await elapse(1_000); // the first half's 503 is read before the page is gone
      expect(beaconed(beacon.calls)).toEqual(['Cart Viewed', 'Checkout Started', 'Product Viewed', 'Product Added']);
      expect(tab.errors.map((e) => e.code)).not.toContain('transport/exit-lost');
      await tab.destroy();
    });

    it('counts once what it reported lost at pagehide, though the queue stepped down to memory as the page left', async () => {
      removeWebLocks(); // no lock without localStorage: nothing touched storage before the exit
      const { tab, beacon } = await openMemoryTab();
      for (let i = 0; i < 300; i++) tab.track(`Impression ${i}`, { pad: 'x'.repeat(500) });
      await microtasksUntil(() => tab.plugin.stats().queued === 300);
      dispatchPageHide(); // not saved (localStorage throws): what the beacons leave is lost
      tab.track('Page Left'); // a later pagehide listener's event: the exit goes on, now in memory
      await settle();
      const sent = beaconed(beacon.calls).length;
      const lost = tab.errors.filter((e) => e.code == 'transport/exit-lost').reduce((n, e) => n + (e.detail as { events: number }).events, 0);
      expect(sent + lost).toBe(301);
      expect(tab.plugin.stats().dropped).toEqual({ 'transport/exit-lost': lost });
      await tab.destroy();
    });

    it('does not beacon at a tab switch the half under way of a batch going in halves', async () => {
      const { tab, beacon } = await openMemoryTab();
      tab.track('Product Viewed');
      tab.track('Product Added');
      await settle(); // one chunk of two
      collector.answer(413, 200, { status: 200, delayMs: 500 }); // in halves: the first at once, the second slowly
      void tab.flush();
      await turnsUntil(() => collector.delivered().length === 1 && tab.plugin.stats().inFlight === 1);
      dispatchVisibilityChange('hidden'); // what is left of the batch, stored between the halves, is under way
      expect(beacon.calls).toEqual([]);
      dispatchVisibilityChange('visible');
      await elapse(1_000);
      await tab.flush();
      expect(collector.delivered()).toHaveLength(2);
      expect(new Set(collector.delivered()).size).toBe(2);
      await tab.destroy();
    });

    it('does not beacon the batch whose request is under way', async () => {
      const { tab, beacon } = await openMemoryTab();
      await sendUnderWay(tab, 'Product Added');
      tab.track('Checkout Started');
      await settle();
      dispatchPageHide();
      expect(beaconed(beacon.calls)).toEqual(['Checkout Started']);
      await elapse(1_000); // the request under way is answered
      expect(collector.delivered()).toHaveLength(2);
      expect(new Set(collector.delivered()).size).toBe(2);
      await tab.destroy();
    });
  });

  it('sends once what it beaconed at a tab switch during a send, when that send cycle goes on', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } });
    await sendUnderWay(tab, 'Product Viewed'); // under way at the tab switch
    tab.track('Product Added');
    await settle(); // stored, waiting for the sender busy with the first
    dispatchVisibilityChange('hidden'); // the shopper switches tabs and back
    expect(beacon.calls).toHaveLength(1); // Product Added
    dispatchVisibilityChange('visible');
    await elapse(3_000); // the first answer comes, and the cycle goes on
    await tab.flush();
    expect(collector.names().sort()).toEqual(['Product Added', 'Product Viewed']);
    expect(savedIn(name)).toEqual([]); // the note was applied, not left for the next page
    await tab.destroy();
  });

  it('sends once what it beaconed at a tab switch while its sender was reading the same batch from IndexedDB', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } });
    tab.track('Product Added');
    await settle(); // stored, waiting for the batch timer
    asTheSenderReads(() => dispatchVisibilityChange('hidden')); // the shopper switches tabs as the sender reads its batch
    await tab.flush();
    expect(beacon.calls).toHaveLength(1);
    dispatchVisibilityChange('visible');
    await elapse(3_000);
    await tab.flush();
    expect(collector.names()).toEqual(['Product Added']);
    expect(await queuedIn(name)).toEqual([]);
    await tab.destroy();
  });

  it('counts as overflow only what no exit beaconed, when a tab switch comes as its sender trims the queue to its bound', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await tabOverItsBound(name);
    asTheSenderReads(() => dispatchVisibilityChange('hidden')); // beacons all three as the sender trims the oldest
    await tab.flush();
    dispatchVisibilityChange('visible');
    expect(beacon.calls.flatMap((c) => JSON.parse(c.body).batch.map((e: { event: string }) => e.event))).toEqual(['Product Viewed', 'Product Added', 'Cart Viewed']);
    await elapse(3_000);
    await tab.flush();
    expect(collector.received).toHaveLength(3); // the beacons: nothing was left to send
    expect(tab.plugin.stats().dropped).toEqual({});
    expect(tab.errors).toEqual([]);
    expect(await queuedIn(name)).toEqual([]);
    await tab.destroy();
  });

  it('does not beacon at a tab switch what its sender cut to the queue bound: it stays dropped, and is counted once', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await tabOverItsBound(name);
    collector.answer({ status: 200, delayMs: 500 });
    void tab.flush(); // cuts the oldest to the bound, sends the other two
    await turnsUntil(() => tab.plugin.stats().inFlight === 2);
    dispatchVisibilityChange('hidden');
    dispatchVisibilityChange('visible');
    expect(beacon.calls).toEqual([]);
    await elapse(3_000);
    expect(collector.received.map((r) => r.body.batch.map((e) => e.event))).toEqual([['Product Added', 'Cart Viewed']]);
    expect(tab.plugin.stats()).toMatchObject({ sent: 2, dropped: { 'transport/queue-overflow': 1 } });
    await tab.destroy();
  });

  it('leaves stored events in the queue for the next page when the browser refuses the beacon', async () => {
    const name = freshQueue();
    vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false);
    const tab = await openTab({ queue: { name } });
    tab.track('Product Added');
    await settle();
    dispatchPageHide();
    await settle();
    await tab.destroy();
    expect(collector.delivered()).toHaveLength(0);
    expect(await queuedIn(name)).toHaveLength(1);

    const next = await openTab({ queue: { name } });
    expect(collector.delivered()).toHaveLength(1);
    await next.destroy();
  });

  it('sends what is stored after a tab switch, once it is clear that no pagehide follows', async () => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name } });
    collector.answer(500);
    tab.track('Product Added');
    await tab.flush(); // failed: stored, backing off for a second or more
    dispatchVisibilityChange('hidden');
    await elapse(100);
    expect(collector.received.map((r) => [r.status, r.body.batch.map((e) => e.event)])).toEqual([
      [500, ['Product Added']],
      [200, ['Product Added']],
    ]);
    dispatchVisibilityChange('visible');
    await tab.destroy();
  });

  it('starts no storage or network work after pagehide, which a page frozen in the back/forward cache would be evicted for', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } });
    collector.answer(500);
    tab.track('Product Added');
    await tab.flush(); // failed: stored, backing off
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const locks = installWebLocks();
    // A click tracks and follows a link: hidden, then pagehide, in one task.
    tab.track('Cart Viewed');
    await microtasksUntil(() => tab.plugin.stats().queued === 2);
    dispatchVisibilityChange('hidden');
    dispatchPageHide();
    await elapse(100);
    tab.track('Page Left'); // a later task's event (a timer that was due): beaconed as well
    await elapse(3_000); // the retry's timer comes due meanwhile: it sends nothing
    expect(beacon.calls).toHaveLength(2); // "Cart Viewed", not durable yet, then "Page Left"
    expect(transaction).not.toHaveBeenCalled();
    expect(locks.granted + locks.refused).toBe(0);
    expect(collector.received).toHaveLength(3); // the failed request and the two beacons: nothing else

    // Back from the cache: the page sends the rest at once, and what it beaconed not again.
    dispatchVisibilityChange('visible');
    window.dispatchEvent(new Event('pageshow'));
    await settle();
    expect(collector.received.map((r) => [r.status, r.body.batch.map((e) => e.event)])).toEqual([
      [500, ['Product Added']],
      [200, ['Cart Viewed']],
      [200, ['Page Left']],
      [200, ['Product Added']],
    ]);
    expect(await queuedIn(name)).toEqual([]);
    await tab.destroy();
  });

  it('stores, not beacons, what a page tracks as it comes back from the cache, before any timer of the page runs', async () => {
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } });
    dispatchVisibilityChange('hidden');
    dispatchPageHide();
    // Back at once: the pageshow listeners (capture's restored page view) run before any timer the page left.
    dispatchVisibilityChange('visible');
    window.dispatchEvent(new Event('pageshow'));
    tab.track('Product List Viewed');
    await elapse(3_000); // stored, then sent at the batch timer
    expect(beacon.calls).toHaveLength(0); // a beacon's answer nobody reads: a failing collector would lose it
    expect(collector.received.map((r) => [r.status, r.body.batch.map((e) => e.event)])).toEqual([[200, ['Product List Viewed']]]);
    expect(await queuedIn(name)).toEqual([]);
    await tab.destroy();
  });

  describe('with a send cycle under way at pagehide', () => {
    /** Stores `n` one-event chunks as an earlier page left them (not this tab's: nothing of them to beacon). */
    const leftByEarlierPage = async (name: string, n: number) => {
      const page = await openTab({ queue: { name }, batch: { intervalMs: 60_000 } });
      for (let i = 0; i < n; i++) {
        page.track(`Old ${i}`);
        await settle(); // a chunk each
      }
      collector.answer(503);
      await page.flush();
      await page.destroy();
      collector.received.length = 0;
    };

    it('starts no further request or IndexedDB transaction once the request under way is answered', async () => {
      const name = freshQueue();
      await leftByEarlierPage(name, 3);
      collector.answer({ status: 200, delayMs: 500 });
      const tab = await openTab({ queue: { name }, batch: { maxEvents: 1 } });
      await turnsUntil(() => tab.plugin.stats().inFlight === 1); // the start cycle sends the first chunk
      const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
      dispatchVisibilityChange('hidden');
      dispatchPageHide();
      await elapse(2_000);
      expect(collector.received).toHaveLength(1);
      expect(transaction).not.toHaveBeenCalled();
      transaction.mockRestore();
      // The delivered chunk's note was saved: back from the cache, the page sends the other two, and it not again.
      window.dispatchEvent(new Event('pageshow'));
      dispatchVisibilityChange('visible');
      await tab.flush();
      expect(collector.names()).toEqual(['Old 0', 'Old 1', 'Old 2']);
      await tab.destroy();
    });

    /**
     * Opens a tab over what an earlier page left, and hides it into the back/forward cache as
     * its start cycle reads the batch from IndexedDB: a frozen page would take no answer, and
     * its transaction would hold the store. Resolves with the transactions aborted and the reads asked.
     */
    const frozenAsItReads = async (name: string) => {
      await leftByEarlierPage(name, 1);
      const aborts = vi.spyOn(IDBTransaction.prototype, 'abort');
      // Once the read is asked for (a microtask later), as the transaction waits for its answer.
      const reads = asTheSenderReads(() => queueMicrotask(() => (dispatchVisibilityChange('hidden'), dispatchPageHide())));
      const tab = await openTab({ queue: { name } });
      await elapse(2_000);
      return { tab, aborts, reads };
    };

    it('undoes its read of the queue, reads again once the page is shown, and sends the batch then, once', async () => {
      const name = freshQueue();
      const { tab, aborts, reads } = await frozenAsItReads(name);
      expect(aborts).toHaveBeenCalledTimes(1);
      expect(reads).toHaveBeenCalledTimes(1); // not again while the page is away
      expect(collector.received).toHaveLength(0);
      window.dispatchEvent(new Event('pageshow'));
      dispatchVisibilityChange('visible');
      await tab.flush();
      expect(collector.names()).toEqual(['Old 0']);
      expect(await queuedIn(name)).toEqual([]);
      await tab.destroy();
    });

    it('lets destroy() end while the page is away, not waiting for its read to run again', async () => {
      const name = freshQueue();
      const { tab } = await frozenAsItReads(name);
      await tab.destroy();
      // The batch stays stored for the next page.
      const next = await openTab({ queue: { name } });
      await next.flush();
      expect(collector.names()).toEqual(['Old 0']);
      await next.destroy();
    });

    /** Tracks `events` in one task (one chunk) and starts sending them: answers are scripted by the caller. */
    const sendOneChunk = async (tab: TransportTab, events: string[]) => {
      events.forEach((e) => tab.track(e));
      await settle();
      void tab.flush();
    };
    /** Keys left in the queue's tier, and in what page exits saved. */
    const queued = async (tier: string, name: string) =>
      (tier == 'indexeddb' ? await queuedIn(name) : []).concat(savedIn(name).map(([key]) => key));
    /** What a tab reported of delivery (below IndexedDB it also reports stepping down). */
    const delivery = (tab: TransportTab) => tab.errors.map((e) => e.code).filter((code) => code != STORAGE_ERRORS.downgraded);
    const eventsOf = (from: number) => collector.received.slice(from).flatMap((r) => r.body.batch.map((e) => e.event));

    it.each([
      { tier: 'indexeddb', how: 'left' },
      { tier: 'localstorage', how: 'left' },
      { tier: 'indexeddb', how: 'was killed with no exit' },
      { tier: 'localstorage', how: 'was killed with no exit' },
    ])(
      'does not send again, on the next page, the part of a batch going in halves that was over when the page $how: delivered, or dropped and reported ($tier)',
      async ({ tier, how }) => {
        if (tier == 'localstorage') breakIndexedDb();
        const name = freshQueue();
        const page = await openTab({ queue: { name }, batch: { intervalMs: 60_000 }, timeoutMs: 5_000 });
        // 413 for all six, then for a, b, c; a and b delivered, c refused (400); d, e, f under way as the page goes.
        collector.answer(413, 413, 200, 400, { status: 0, hang: true });
        await sendOneChunk(page, ['a', 'b', 'c', 'd', 'e', 'f']);
        await turnsUntil(() => collector.received.length === 4 && page.plugin.stats().inFlight === 3);
        expect(delivery(page)).toEqual([TRANSPORT_ERRORS.rejected]);
        // A reload; or a crash, a phone reclaiming memory: nothing of the page runs any more.
        if (how == 'left') dispatchPageHide();
        installWebLocks(); // its lock goes with it

        const next = await openTab({ queue: { name } });
        await next.flush();
        expect(eventsOf(4)).toEqual(['d', 'e', 'f']); // whose fate the old page never learnt: they go again
        expect(delivery(next)).toEqual([]);
        expect(await queued(tier, name)).toEqual([]);
        await next.destroy();
        await elapse(5_000); // the old page's request ends (its timeout), so it can be torn down
        await page.destroy();
      },
    );

    it.each(['indexeddb', 'localstorage'])(
      'sends every event of a batch going in halves once when a tab switch came as the rest was under way (%s)',
      async (tier) => {
        if (tier == 'localstorage') breakIndexedDb();
        const name = freshQueue();
        const tab = await openTab({ queue: { name }, batch: { intervalMs: 60_000 }, retry: { baseMs: 1_000, capMs: 1_000 } });
        // 413 for all four; a and b delivered; c and d answered 503 half a second later, then delivered.
        collector.answer(413, 200, { status: 503, delayMs: 500 });
        await sendOneChunk(tab, ['a', 'b', 'c', 'd']);
        await turnsUntil(() => collector.received.length === 2 && tab.plugin.stats().inFlight === 2);
        dispatchVisibilityChange('hidden'); // saves the batch's progress, in case the page goes
        await elapse(500);
        dispatchVisibilityChange('visible');
        await elapse(2_000); // the retry
        await tab.flush();
        expect(eventsOf(0)).toEqual(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd', 'c', 'd']); // 413, 200, 503, 200
        expect(collector.delivered()).toHaveLength(4);
        expect(tab.plugin.stats()).toMatchObject({ sent: 4, retried: 2, queued: 0 });
        expect(await queued(tier, name)).toEqual([]);
        await tab.destroy();
      },
    );

    /** What two pages over `name` leave: an empty queue and no report; then they are torn down. */
    const endsClean = async (name: string, page: TransportTab, next: TransportTab) => {
      expect(await queued('indexeddb', name)).toEqual([]);
      expect([...page.errors, ...next.errors]).toEqual([]);
      await next.destroy();
      await page.destroy();
    };
    /** Flushes while the clock runs a second: the lease waits to see that no other tab took it as well. */
    const flushAwhile = async (tab: TransportTab) => {
      const flushed = tab.flush();
      await elapse(1_000);
      await flushed;
    };
    // A page frozen in the back/forward cache while it holds the Web Lock is evicted as soon
    // as another page of the site asks for it (Chromium: WebLocksContention): Back loads it anew.
    it.each([
      ['Web Locks', installWebLocks],
      ['a localStorage lease', removeWebLocks],
    ])(
      'lets go of the tab lock (%s) as the page goes with its request under way: the next page sends at once, and the late answer deletes by notes',
      async (_, install) => {
        const locks = install();
        const name = freshQueue();
        const page = await openTab({ queue: { name }, batch: { intervalMs: 60_000 }, timeoutMs: 30_000 });
        collector.answer({ status: 200, delayMs: 10_000 });
        await sendOneChunk(page, ['a', 'b']);
        await elapse(1_000); // (the lease waits to see that no other tab took it as well)
        expect(page.plugin.stats().inFlight).toBe(2);
        dispatchPageHide();

        const next = await openTab({ queue: { name }, batch: { intervalMs: 60_000 } });
        next.track('c');
        await flushAwhile(next);
        // Long before the old page's answer: its batch, whose fate that page never learnt, goes
        // again (the collector removes the copy by messageId), with the new page's own event.
        expect(eventsOf(0).sort()).toEqual(['a', 'b', 'c']);
        if (locks) expect(locks.refused).toBe(0);

        // The answer comes to the old page (back from the cache, or a page gone that still
        // runs here): it deletes that batch by saved notes, not by IndexedDB beside the next page's sender.
        await elapse(10_000);
        expect(page.plugin.stats()).toMatchObject({ sent: 2, inFlight: 0 });
        expect(savedIn(name)).toHaveLength(1);
        next.track('d');
        await flushAwhile(next);
        expect(eventsOf(0).sort()).toEqual(['a', 'a', 'b', 'b', 'c', 'd']);
        await endsClean(name, page, next);
      },
    );

    it('lets go of the tab lock at pagehide while its cycle waits for the queue (a page left as soon as it loaded)', async () => {
      const locks = installWebLocks();
      const name = freshQueue();
      await leftByEarlierPage(name, 2);
      // The page's start cycle takes the lock and waits for the database to open.
      const open = holdIndexedDbOpen();
      const page = await openTab({ queue: { name } });
      vi.mocked(indexedDB.open).mockRestore(); // (only that page's open is held)
      dispatchPageHide();

      const next = await openTab({ queue: { name } });
      await next.flush();
      expect(eventsOf(0)).toEqual(['Old 0', 'Old 1']);
      expect(locks.refused).toBe(0);
      // The old page's read comes back (restored from the cache, say): it sends nothing, and leaves the queue as it is.
      open.release();
      await settle();
      window.dispatchEvent(new Event('pageshow'));
      await page.flush();
      next.track('New');
      await next.flush();
      expect(eventsOf(0)).toEqual(['Old 0', 'Old 1', 'New']);
      await endsClean(name, page, next);
    });

    it('does not store again the rest of a batch going in halves whose answer comes once the next page sent it all', async () => {
      const name = freshQueue();
      const page = await openTab({ queue: { name }, batch: { intervalMs: 60_000 }, timeoutMs: 30_000 });
      // 413 for all four; the first half answered 200 ten seconds later.
      collector.answer(413, { status: 200, delayMs: 10_000 });
      await sendOneChunk(page, ['a', 'b', 'c', 'd']);
      await turnsUntil(() => page.plugin.stats().inFlight === 2);
      dispatchPageHide();
      const next = await openTab({ queue: { name }, batch: { intervalMs: 60_000 } });
      await next.flush();
      expect(eventsOf(1)).toEqual(['a', 'b', 'c', 'd']); // all of it, as the old page's answer was never read
      await elapse(10_000); // that answer comes: a and b are over; c and d, the rest, went with the next page
      await next.flush();
      expect(eventsOf(1).sort()).toEqual(['a', 'a', 'b', 'b', 'c', 'd']);
      await endsClean(name, page, next);
    });

    it('sends nothing twice when the page comes back from the cache before the answer to the request it let go of its lock for', async () => {
      const name = freshQueue();
      const page = await openTab({ queue: { name }, batch: { intervalMs: 60_000 }, timeoutMs: 30_000 });
      collector.answer({ status: 200, delayMs: 5_000 });
      await sendOneChunk(page, ['a', 'b']);
      await turnsUntil(() => page.plugin.stats().inFlight === 2);
      dispatchVisibilityChange('hidden');
      dispatchPageHide();
      await elapse(1_000);
      window.dispatchEvent(new Event('pageshow'));
      dispatchVisibilityChange('visible');
      page.track('c');
      await elapse(5_000); // the answer, then the send the return asked for
      await page.flush();
      expect(eventsOf(0).sort()).toEqual(['a', 'b', 'c']);
      expect(page.plugin.stats()).toMatchObject({ sent: 3, queued: 0, inFlight: 0 });
      expect(await queued('indexeddb', name)).toEqual([]);
      await page.destroy();
    });

    it('starts none for consent granted just before pagehide (accept, then leave at once)', async () => {
      const beacon = spyOnBeacon();
      const tab = await openTab({ queue: { name: freshQueue() } }, { consent: { default: 'denied' } });
      tab.track('Product Viewed'); // held by the core until a grant
      await settle();
      tab.client.consent.update({ analytics: true });
      dispatchPageHide();
      await microtasksUntil(() => beacon.calls.length > 0);
      const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
      const open = vi.spyOn(indexedDB, 'open');
      await elapse(3_000);
      expect(collector.delivered()).toHaveLength(1);
      expect(transaction).not.toHaveBeenCalled();
      expect(open).not.toHaveBeenCalled();
      transaction.mockRestore();
      open.mockRestore();
      await tab.destroy();
    });
  });

  it('does not send again, when the page lives on, what a tab switch beaconed from a write the sender then read', async () => {
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name: freshQueue() } });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    let switched = false;
    // The shopper switches tabs as the sender starts reading.
    const reading = asTheSenderReads(() => ((switched = true), dispatchVisibilityChange('hidden')));
    tab.track('Product Added');
    await turnsUntil(() => put.mock.calls.length > 0); // its write has begun, not committed
    dispatchOnline(); // a cycle starts at once (no flush, which would wait for the write): its read comes after the write
    await settle();
    expect(switched).toBe(true);
    expect(beacon.calls).toHaveLength(1);
    reading.mockRestore();
    put.mockRestore();
    dispatchVisibilityChange('visible');
    await elapse(3_000);
    await tab.flush();
    expect(collector.names()).toEqual(['Product Added']);
    await tab.destroy();
  });

  describe('when localStorage is full', () => {
    /**
     * A tab whose queue key in localStorage refuses writes (QuotaExceededError; the page's
     * other keys still work), with 300 events (~150 KB, past the beacon budget) tracked in
     * the task that is about to end with an exit.
     */
    const burstWithFullStorage = async () => {
      const name = freshQueue();
      const beacon = spyOnBeacon();
      const tab = await openTab({ queue: { name } });
      const setItem = localStorage.setItem.bind(localStorage);
      const full = vi.spyOn(localStorage, 'setItem').mockImplementation((key, value) => {
        if (key.startsWith(`${name}:q:`)) throw new DOMException('full', 'QuotaExceededError');
        setItem(key, value);
      });
      onTestFinished(() => full.mockRestore());
      for (let i = 0; i < 300; i++) tab.track(`Impression ${i}`, { pad: 'x'.repeat(500) });
      await microtasksUntil(() => tab.plugin.stats().queued === 300);
      return { tab, beacon };
    };
    const beaconedEvents = (calls: { body: string }[]) => calls.reduce((n, call) => n + (JSON.parse(call.body) as { batch: unknown[] }).batch.length, 0);

    it('reports at pagehide exactly the events that neither fit the beacons nor could be saved', async () => {
      const { tab, beacon } = await burstWithFullStorage();
      dispatchPageHide();
      const beaconed = beaconedEvents(beacon.calls);
      expect(beaconed).toBeGreaterThan(0);
      expect(tab.errors).toMatchObject([{ code: 'transport/exit-lost', detail: { events: 300 - beaconed } }]);
      expect(tab.plugin.stats()).toMatchObject({ sent: beaconed, queued: 0, dropped: { 'transport/exit-lost': 300 - beaconed } });
      await tab.destroy();
      await settle(); // the beacons reach the collector within this test
    });

    it('loses nothing at a tab switch: the queue takes what it could not save, and the page sends it', async () => {
      const { tab, beacon } = await burstWithFullStorage();
      dispatchVisibilityChange('hidden');
      expect(beaconedEvents(beacon.calls)).toBeLessThan(300);
      dispatchVisibilityChange('visible');
      await elapse(3_000);
      await tab.flush();
      const ids = collector.delivered();
      expect(tab.errors).toEqual([]);
      expect(ids).toHaveLength(300);
      expect(new Set(ids).size).toBe(300);
      await tab.destroy();
    });
  });

  it.each([
    ['the segment format with a long write key', { format: 'segment' as const, writeKey: 'k'.repeat(600) }],
    ['a custom format with a large envelope', { format: (events: unknown[]) => ({ body: JSON.stringify({ batch: events, note: 'n'.repeat(1_000) }) }) }],
  ])('beacons no body past batch.maxBytes, in halves, with %s', async (_, options) => {
    const maxBytes = 2_048;
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxBytes }, ...options });
    // One chunk of two events (~1.5 KB): under what a batch may carry, over it with this envelope.
    for (let i = 0; i < 2; i++) tab.track(`e${i}`, { pad: 'p'.repeat(100) });
    await settle();
    expect(collector.received).toHaveLength(0);
    dispatchPageHide();
    expect(beacon.calls).toHaveLength(2);
    for (const call of beacon.calls) expect(call.bytes).toBeLessThanOrEqual(maxBytes);
    expect(tab.plugin.stats()).toMatchObject({ sent: 2, queued: 0 });
    await tab.destroy();
    await settle(); // the beacons reach the collector within this test
    expect(new Set(collector.delivered()).size).toBe(2);
  });

  it('counts what it beaconed as sent and no longer queued, and what it saved for the next page as queued', async () => {
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name: freshQueue() } });
    for (let i = 0; i < 3; i++) tab.track(`stored${i}`);
    await settle();
    expect(tab.plugin.stats()).toMatchObject({ queued: 3, sent: 0 });
    // 80 KiB more in the same task: past the beacon budget, so part of it is saved.
    for (let i = 0; i < 20; i++) tab.track(`fresh${i}`, { pad: 'p'.repeat(4_000) });
    dispatchPageHide();
    await microtasksUntil(() => beacon.calls.length > 1);
    const { sent, queued } = tab.plugin.stats();
    expect(sent).toBe(beacon.calls.reduce((n, call) => n + (JSON.parse(call.body) as { batch: unknown[] }).batch.length, 0));
    expect(sent + queued).toBe(23);
    expect(queued).toBeGreaterThan(0);
    await tab.destroy();
    await settle();
  });

  it('uses fetch keepalive instead of a beacon when the request needs headers', async () => {
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name: freshQueue() }, headers: { 'X-Shop': 'demo' } });
    tab.track('Order Completed');
    await microtasksUntil(() => tab.plugin.stats().queued === 1);
    dispatchPageHide();
    await settle();
    expect(beacon.calls).toHaveLength(0);
    expect(collector.received.map((r) => r.headers.get('x-shop'))).toEqual(['demo']);
    await tab.destroy();
  });
});
