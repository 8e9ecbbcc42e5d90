import { beforeEach, describe, expect, it, vi } from 'vitest';
import { retryDelay } from '../../src/transport/retry';
import { useTransportCollector } from '../utils/transport-collector';
import { elapse, useTransportSpec } from '../utils/transport-clock';
import { freshQueue, openTab } from '../utils/transport-tab';

// The attempt each delay is drawn for, seen at the boundary the collector uses; the
// delay itself stays the real one (full jitter over that attempt's range).
vi.mock('../../src/transport/retry', async (load) => {
  const real = await load<typeof import('../../src/transport/retry')>();
  return { ...real, retryDelay: vi.fn(real.retryDelay) };
});

const collector = useTransportCollector();
const attempts = () => vi.mocked(retryDelay).mock.calls.map(([attempt]) => attempt);

describe('backoff reset', () => {
  useTransportSpec();
  beforeEach(() => vi.mocked(retryDelay).mockClear());

  it('draws the delay after a failure that follows a success from the first attempt range again', async () => {
    // One event per batch: fail e0, then in the retry's cycle deliver e0 and fail e1.
    const tab = await openTab({ queue: { name: freshQueue() }, batch: { maxEvents: 1 }, retry: { baseMs: 1_000, capMs: 300_000 } });
    collector.answer(500, 200, 500);
    tab.track('e0');
    tab.track('e1');
    await tab.flush();
    await elapse(1_000 + 1_000 + 200);
    expect(collector.received.map((r) => [r.status, r.body.batch[0]!.event])).toEqual([
      [500, 'e0'],
      [200, 'e0'],
      [500, 'e1'],
      [200, 'e1'],
    ]);
    expect(attempts()).toEqual([0, 0]);
    await tab.destroy();
  });

  it('still doubles the range while failures follow each other', async () => {
    const tab = await openTab({ queue: { name: freshQueue() }, retry: { baseMs: 1_000, capMs: 300_000 } });
    collector.answer(500, 500, 500);
    tab.track('e0');
    await tab.flush();
    await elapse(1_000 + 2_000 + 4_000 + 200);
    expect(collector.received.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    expect(attempts()).toEqual([0, 1, 2]);
    await tab.destroy();
  });
});
