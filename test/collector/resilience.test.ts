// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { post, startTestCollector, trackEvent, type TestCollector } from './utils/harness';

describe('collector resilience', () => {
  let collector: TestCollector | undefined;
  afterEach(async () => {
    await collector?.stop();
    collector = undefined;
  });

  it('answers 500 collector/internal, logged, when storage fails, and keeps serving', async () => {
    const log = vi.fn();
    collector = await startTestCollector({ log });
    collector.db.sqlite.exec('DROP TABLE events');
    const res = await post(`${collector.url}/collect`, [trackEvent('Product Viewed')]);
    expect(res.status).toBe(500);
    expect(res.json.error.code).toBe('collector/internal');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('internal error'));
    expect((await fetch(`${collector.url}/`)).status).toBe(200);
  });

  it('logs one compact line per batch unless quiet', async () => {
    const log = vi.fn();
    collector = await startTestCollector({ quiet: false, log });
    await post(`${collector.url}/v1/batch`, { batch: [trackEvent('Product Viewed')] });
    await post(`${collector.url}/collect`, [{ type: 'track' }]);
    expect(log.mock.calls.map(([line]) => String(line).replace(/\d+ms$/, 'Nms'))).toEqual([
      '[collector] 200 POST /v1/batch segment received=1 stored=1 duplicates=0 Nms',
      '[collector] 400 POST /collect native collector/missing-message-id (event 0) Nms',
    ]);
  });

  it('rejects out-of-range options before listening', async () => {
    await expect(startTestCollector({ failRate: 2 })).rejects.toThrow(/failRate/);
    await expect(startTestCollector({ retryAfterS: 1.5 })).rejects.toThrow(/retryAfterS must be whole seconds/);
    await expect(startTestCollector({ retryAfterS: -1 })).rejects.toThrow(/retryAfterS/);
  });
});
