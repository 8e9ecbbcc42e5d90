import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryable, retryDelay } from '../../src/transport/retry';

describe('retry policy', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    [0, true],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [413, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
  ] as const)('retries status %i: %s', (status, retry) => {
    expect(retryable(status)).toBe(retry);
  });

  it.each([
    [0, 1_000],
    [1, 2_000],
    [3, 8_000],
    [10, 60_000],
  ])('draws attempt %i’s delay in [0, %i) (full jitter, capped)', (attempt, bound) => {
    vi.spyOn(Math, 'random').mockReturnValueOnce(0).mockReturnValueOnce(0.999_999);
    expect(retryDelay(attempt, 1_000, 60_000)).toBe(0);
    const top = retryDelay(attempt, 1_000, 60_000);
    expect(top).toBeLessThan(bound);
    expect(top).toBeGreaterThan(bound * 0.999);
  });

  it('takes Retry-After in seconds over the backoff', () => {
    expect(retryDelay(0, 1_000, 60_000, '120')).toBe(120_000);
  });

  it('takes Retry-After as an HTTP date', () => {
    vi.useFakeTimers({ now: Date.parse('2025-01-01T00:00:00Z'), toFake: ['Date'] });
    expect(retryDelay(0, 1_000, 60_000, 'Wed, 01 Jan 2025 00:00:45 GMT')).toBe(45_000);
  });

  it('never waits past the longest timer delay (2^31 − 1 ms), which would fire at once', () => {
    expect(retryDelay(0, 1_000, 60_000, String(365 * 86_400))).toBe(2_147_483_647);
    vi.useFakeTimers({ now: Date.parse('2025-01-01T00:00:00Z'), toFake: ['Date'] });
    expect(retryDelay(0, 1_000, 60_000, 'Fri, 01 Jan 2100 00:00:00 GMT')).toBe(2_147_483_647);
  });

  it.each(['soon', '-5', ''])('ignores an unusable Retry-After (%j) and backs off', (header) => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(retryDelay(2, 1_000, 60_000, header)).toBe(2_000);
  });

  it.each(['0', '0.0', 'Thu, 01 Jan 1970 00:00:00 GMT'])(
    'backs off on a Retry-After of now or the past (%j): a collector that keeps answering it is not asked again in a tight loop',
    (header) => {
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      expect(retryDelay(2, 1_000, 60_000, header)).toBe(2_000);
    },
  );
});
