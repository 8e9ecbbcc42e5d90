import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { dispatchPageHide, spyOnBeacon } from '../utils/transport-page';
import { queuedIn } from '../utils/transport-store';
import { freshQueue, openTab } from '../utils/transport-tab';

const collector = useTransportCollector();
const DENIED = { consent: { default: 'denied' as const } };

/** Names of the IndexedDB databases that exist (opening one creates it). */
const databases = async (): Promise<string[]> => (await indexedDB.databases()).map((d) => d.name ?? '');

/** Counts the localStorage accesses to keys of queue `name` (the queue, its lease): the core's identity keys are not the transport's. */
function spyOnLocalStorage(name: string): () => number {
  const spies = (['getItem', 'setItem', 'removeItem'] as const).map((m) => vi.spyOn(localStorage, m));
  // Restored here, as breakLocalStorage() does: vi.restoreAllMocks() leaves spies on happy-dom's localStorage (a Proxy) in place.
  onTestFinished(() => spies.forEach((spy) => spy.mockRestore()));
  return () => spies.flatMap((spy) => spy.mock.calls).filter(([key]) => key.startsWith(name)).length;
}

describe('consent', () => {
  useTransportSpec();
  afterEach(() => vi.restoreAllMocks());

  it('touches no storage and sends nothing while analytics is denied, page exit included', async () => {
    const name = freshQueue();
    const accesses = spyOnLocalStorage(name);
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } }, DENIED);
    tab.track('Product Added');
    await tab.flush();
    dispatchPageHide();
    await elapse(5_000);
    expect(await databases()).not.toContain(name);
    expect(accesses()).toBe(0);
    expect(beacon.calls).toHaveLength(0);
    expect(collector.received).toHaveLength(0);
    await tab.destroy();
  });

  it('opens the queue and sends the held events once analytics is granted', async () => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name } }, DENIED);
    tab.track('Product Added');
    tab.client.consent.update({ analytics: true });
    await tab.flush();
    expect(await databases()).toContain(name);
    expect(collector.names()).toEqual(['Product Added']);
    await tab.destroy();
  });

  it('stops sending when analytics is withdrawn, and keeps what is stored for a later grant', async () => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name } });
    tab.track('Product Added');
    await settle(); // stored; the batch timer has not fired
    tab.client.consent.update({ analytics: false });
    await elapse(5_000);
    dispatchPageHide();
    await settle();
    expect(collector.received).toHaveLength(0);
    expect(await queuedIn(name)).toHaveLength(1);

    window.dispatchEvent(new Event('pageshow')); // back from the back/forward cache, still withdrawn
    await settle();
    expect(collector.received).toHaveLength(0);
    tab.client.consent.update({ analytics: true });
    await settle();
    expect(collector.delivered()).toHaveLength(1);
    await tab.destroy();
  });

  it('does not send the batch it was reading from the queue when analytics is withdrawn meanwhile', async () => {
    const name = freshQueue();
    const tab = await openTab({ queue: { name } });
    tab.track('Product Added');
    await settle(); // stored; the batch timer has not fired
    const getAll = IDBObjectStore.prototype.getAll;
    const reading = vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
      tab.client.consent.update({ analytics: false }); // the shopper's click lands as the batch is read
      return getAll.apply(this, args);
    });
    await elapse(3_000);
    reading.mockRestore();
    expect(collector.received).toHaveLength(0);
    expect(await queuedIn(name)).toHaveLength(1); // kept for a later grant
    await tab.destroy();
  });
});
