import { describe, expect, it } from 'vitest';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, settle, useTransportSpec } from '../utils/transport-clock';
import { installWebLocks, removeWebLocks } from '../utils/transport-locks';
import { freshQueue, openTab } from '../utils/transport-tab';
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

  it("sends another tab's events when that tab cannot (it is still waiting for the lock)", async () => {
    const name = freshQueue();
    const sender = await openTab({ queue: { name } });
    const quiet = await openTab({ queue: { name }, batch: { intervalMs: 60_000 } });
    quiet.track('From the quiet tab');
    await settle(); // stored, but the quiet tab's own timer is a minute away
    sender.track('From the sender');
    await settle();
    await elapse(2_000);
    const names = collector.received.flatMap((r) => r.body.batch.map((e) => e.event));
    expect(names.sort()).toEqual(['From the quiet tab', 'From the sender']);
    await Promise.all([sender.destroy(), quiet.destroy()]);
  });
});
