import { afterEach, describe, expect, it, vi } from 'vitest';
import { TRANSPORT_ERRORS } from '../../src/transport';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { installWebLocks, removeWebLocks } from '../utils/transport-locks';
import { dispatchStorage, dispatchVisibilityChange, spyOnBeacon } from '../utils/transport-page';
import { openScopedTab } from '../utils/transport-scoped-tab';
import { holdIndexedDbOpen, saveIn, savedIn } from '../utils/transport-store';
import { freshQueue, openTab } from '../utils/transport-tab';
import { turnsUntil } from '../utils/transport-turns';
import type { TransportTab } from '../utils/transport-tab';

const collector = useTransportCollector();

/** Two tabs track interleaved events over the same queue, then their timers run. */
async function twoTabsTrack(a: TransportTab, b: TransportTab, each: number): Promise<void> {
  for (let i = 0; i < each; i++) {
    a.track(`a${i}`);
    b.track(`b${i}`);
    if (i % 7 === 0) await elapse(300); // spread over several batches and timers
  }
  await elapse(10_000);
}

describe('several tabs', () => {
  useTransportSpec();
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['a localStorage lease', removeWebLocks],
    ['Web Locks', installWebLocks],
  ])('deliver every event of both tabs exactly once, with %s', async (_, install) => {
    const locks = install();
    const name = freshQueue();
    const a = await openTab({ queue: { name }, batch: { maxEvents: 10 } });
    const b = await openTab({ queue: { name }, batch: { maxEvents: 10 } });
    await twoTabsTrack(a, b, 40);
    const ids = collector.delivered();
    expect(ids).toHaveLength(80);
    expect(new Set(ids).size).toBe(80);
    if (locks) expect(locks.granted).toBeGreaterThan(0);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  // batch.intervalMs: 0 is a documented value: a tab that found the lock taken looked again
  // at once, thousands of times a second, for as long as the other tab's request lasted.
  it('looks for the lock again no sooner than the default interval with batch.intervalMs 0 while another tab sends', async () => {
    const locks = installWebLocks();
    const name = freshQueue();
    const sender = await openTab({ queue: { name } });
    const tab = await openTab({ queue: { name }, batch: { intervalMs: 0 } });
    collector.answer({ status: 200, delayMs: 5_000 });
    sender.track('slow');
    void sender.flush();
    await settle();
    const before = locks.refused;
    tab.track('x');
    await elapse(5_000);
    expect(locks.refused - before).toBeLessThan(5);
    await elapse(5_000);
    expect(collector.names().sort()).toEqual(['slow', 'x']);
    await Promise.all([sender.destroy(), tab.destroy()]);
  });

  it('sends at once what a closed tab left stored, without a new event or a reload', async () => {
    const name = freshQueue();
    const gone = await openTab({ queue: { name } });
    gone.track('Product Added');
    await settle(); // stored; its 2 s timer never fires
    await gone.destroy();
    expect(collector.received).toHaveLength(0);
    const tab = await openTab({ queue: { name } });
    expect(collector.received.map((r) => r.body.batch.map((e) => e.event))).toEqual([['Product Added']]);
    await tab.destroy();
  });

  it('sends, without an event of its own, what a tab closed meanwhile saved at its exit', async () => {
    const name = freshQueue();
    const open = await openTab({ queue: { name } }); // idle: nothing of its own to send, no timer
    const closing = await openScopedTab({ queue: { name } });
    vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false); // nothing rides a beacon: all is saved
    closing.track('Product Added');
    closing.track('Checkout Started');
    closing.leave(); // in the same task: not durable yet, so saved under <name>:q:
    await closing.destroy();
    dispatchStorage(`${name}:q:${savedIn(name)[0]![0]}`);
    await elapse(3_000); // the open tab's batch timer
    expect(collector.received.map((r) => r.body.batch.map((e) => e.event))).toEqual([['Product Added', 'Checkout Started']]);
    expect(savedIn(name)).toEqual([]);
    await open.destroy();
  });

  it('sends, without an event of its own, the batch a tab was retrying when it was closed', async () => {
    const name = freshQueue();
    const open = await openTab({ queue: { name } }); // idle: nothing of its own to send, no timer
    const closing = await openScopedTab({ queue: { name } });
    collector.answer(500);
    closing.track('Product Added');
    await closing.flush(); // refused: kept for a retry, which its page will not live to make
    closing.leave(); // backing off, it beacons nothing: the batch stays stored, unsent
    await closing.destroy();
    expect(localStorage.getItem(`${name}:wake`)).not.toBeNull();
    dispatchStorage(`${name}:wake`);
    await elapse(3_000); // the open tab's batch timer
    expect(collector.received.map((r) => [r.status, r.body.batch.map((e) => e.event)])).toEqual([
      [500, ['Product Added']],
      [200, ['Product Added']],
    ]);
    await open.destroy();
  });

  it('looks for nothing when another tab saved only notes of what it delivered', async () => {
    const name = freshQueue();
    const open = await openTab({ queue: { name } });
    saveIn(name, [{ k: '1-2-1-x', j: [] }]);
    dispatchStorage(`${name}:q:1-2-1-x`);
    const get = vi.spyOn(localStorage, 'getItem');
    await elapse(3_000);
    expect(get.mock.calls.filter(([key]) => key.startsWith(`${name}:q:`))).toEqual([]); // no send cycle looked
    get.mockRestore();
    await open.destroy();
  });

  it("sends another tab's events when that tab cannot (it is still waiting for the lock)", async () => {
    const name = freshQueue();
    const sender = await openTab({ queue: { name } });
    const quiet = await openTab({ queue: { name }, batch: { intervalMs: 60_000 } });
    quiet.track('From the quiet tab');
    await settle(); // stored, but the quiet tab's own timer is a minute away
    sender.track('From the sender');
    await settle();
    await elapse(2_000);
    const names = collector.names();
    expect(names.sort()).toEqual(['From the quiet tab', 'From the sender']);
    await Promise.all([sender.destroy(), quiet.destroy()]);
  });

  it.each([
    ['before its own batch timer fires', 0],
    ['after its own batch timer found nothing left to send', 1_000],
  ])('leaves out of its exit beacon the events another tab delivered for it, when it is hidden %s', async (_, later) => {
    const name = freshQueue();
    const sender = await openTab({ queue: { name } });
    const tab = await openTab({ queue: { name } });
    sender.track('From the sender');
    await settle();
    await elapse(500);
    tab.track('Product Added');
    await settle(); // stored; this tab's timer fires at 2.5 s
    await elapse(1_500); // the sender's timer: its cycle delivers both tabs' events
    expect(collector.delivered()).toHaveLength(2);
    await elapse(later);
    await sender.destroy();
    dispatchVisibilityChange('hidden'); // the shopper switches to another tab
    await elapse(3_000);
    const ids = collector.delivered();
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    await tab.destroy();
  });

  it("does not send what another tab beacons at its exit while this tab's sender reads it from the queue", async () => {
    const name = freshQueue();
    const tab = await openScopedTab({ queue: { name } });
    const sender = await openTab({ queue: { name } });
    tab.track('Product Added');
    await settle(); // stored, waiting for its tab's timer
    const getAll = IDBObjectStore.prototype.getAll;
    let hidden = false;
    const reading = vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (!hidden) tab.hide(); // the shopper switches away from that tab as the sender reads its batch
      hidden = true;
      return getAll.apply(this, args);
    });
    await sender.flush();
    reading.mockRestore();
    expect(hidden).toBe(true);
    await elapse(3_000);
    expect(collector.delivered()).toHaveLength(1); // the beacon's
    await Promise.all([tab.destroy(), sender.destroy()]);
  });

  it("does not send what another tab beaconed at its exit while its first write waited for the database to open", async () => {
    const name = freshQueue();
    const sender = await openTab({ queue: { name } });
    sender.track('From the sender');
    await settle();
    collector.answer({ status: 200, delayMs: 500 });
    void sender.flush();
    await turnsUntil(() => sender.plugin.stats().inFlight === 1); // it holds the lock: the new tab's start cycle sends nothing
    const tab = await openScopedTab({ queue: { name } });
    // The new tab's database opens only when the test says so; the tab is hidden as its first write waits for it.
    const open = holdIndexedDbOpen(() => queueMicrotask(() => tab.hide()));
    tab.track('Product Added');
    await elapse(1_000); // the exit beaconed it; the sender's next cycle took the exit's note in, deleting nothing yet
    open.release(); // the write commits now
    await settle();
    tab.show();
    await sender.flush();
    await tab.flush();
    const ids = collector.delivered();
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    await Promise.all([tab.destroy(), sender.destroy()]);
  });

  it("does not beacon at its exit what another tab's sender cut for the queue bound: it stays counted lost, once", async () => {
    const name = freshQueue();
    const tab = await openScopedTab({ queue: { name, maxEvents: 2 } });
    const sender = await openTab({ queue: { name, maxEvents: 2 } });
    tab.track('Oldest');
    await settle(); // stored, waiting for its tab's timer
    for (const event of ['Newer', 'Newest']) {
      await elapse(100);
      sender.track(event);
      await settle();
    }
    await sender.flush(); // three events wait and two may: the oldest goes
    expect(sender.errors).toEqual([expect.objectContaining({ code: TRANSPORT_ERRORS.queueOverflow, detail: { events: 1 } })]);
    const beacon = spyOnBeacon();
    tab.hide(); // the shopper switches away from the tab that tracked it
    expect(beacon.calls).toEqual([]);
    await elapse(3_000);
    expect(collector.names()).toEqual(['Newer', 'Newest']);
    expect([tab, sender].map((t) => t.plugin.stats().sent)).toEqual([0, 2]);
    await Promise.all([tab.destroy(), sender.destroy()]);
  });

  it("still beacons at its exit what it stored after another tab's sender took its earlier events", async () => {
    const name = freshQueue();
    const sender = await openTab({ queue: { name } });
    const tab = await openTab({ queue: { name } });
    tab.track('Product Viewed');
    await settle();
    sender.track('From the sender');
    await sender.flush(); // delivers both tabs' events; this tab's timer has not fired
    await elapse(100);
    tab.track('Product Added');
    await settle(); // stored, waiting for this tab's timer
    await sender.destroy();
    const beacon = spyOnBeacon();
    dispatchVisibilityChange('hidden');
    expect(beacon.calls).toHaveLength(1); // at once, not after a read of the queue
    await settle();
    const names = collector.names();
    expect(names.sort()).toEqual(['From the sender', 'Product Added', 'Product Viewed']);
    await tab.destroy();
  });

  it('counts toward its next batch only its events still waiting, not those another tab sent for it', async () => {
    const name = freshQueue();
    const sender = await openTab({ queue: { name } });
    const tab = await openTab({ queue: { name }, batch: { maxEvents: 10 } });
    for (let i = 0; i < 9; i++) tab.track(`Impression ${i}`);
    await settle();
    await sender.flush(); // delivers the nine
    await elapse(2_000); // this tab's timer: nothing left to send
    tab.track('Product Added'); // one event waiting, not ten
    await settle();
    expect(collector.delivered()).toHaveLength(9);
    await elapse(2_000);
    expect(collector.delivered()).toHaveLength(10);
    expect(tab.plugin.stats().lastFlush).toBe('timer');
    await Promise.all([sender.destroy(), tab.destroy()]);
  });
});
