import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlushController } from '../../src/transport/flush-controller';
import type { FlushReason } from '../../src/types';

const LIMITS = { maxEvents: 3, maxBytes: 1_000, intervalMs: 2_000 };

function controller() {
  const reasons: FlushReason[] = [];
  return { reasons, c: createFlushController(LIMITS, (r) => reasons.push(r)) };
}

describe('flush controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('flushes for count when maxEvents events were stored', () => {
    const { reasons, c } = controller();
    c.stored(2, 10);
    c.stored(1, 10);
    expect(reasons).toEqual(['count']);
  });

  it('flushes for bytes when maxBytes were stored', () => {
    const { reasons, c } = controller();
    c.stored(1, 600);
    c.stored(1, 400);
    expect(reasons).toEqual(['bytes']);
  });

  it('flushes for timer intervalMs after the first stored event, once', () => {
    const { reasons, c } = controller();
    c.stored(1, 10);
    vi.advanceTimersByTime(1_000);
    c.stored(1, 10);
    vi.advanceTimersByTime(999);
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reasons).toEqual(['timer']);
    vi.advanceTimersByTime(10_000);
    expect(reasons).toEqual(['timer']);
  });

  it('counts afresh after each flush', () => {
    const { reasons, c } = controller();
    c.stored(3, 10);
    c.stored(2, 10);
    expect(reasons).toEqual(['count']);
  });

  it('holds count, bytes and timer flushes during a backoff, then flushes for retry', () => {
    const { reasons, c } = controller();
    c.backoff(5_000);
    c.stored(10, 10_000);
    vi.advanceTimersByTime(4_999);
    expect(reasons).toEqual([]);
    expect(c.backingOff()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(reasons).toEqual(['retry']);
    expect(c.backingOff()).toBe(false);
  });

  it('forgets the backoff on resume()', () => {
    const { reasons, c } = controller();
    c.backoff(5_000);
    c.resume();
    vi.advanceTimersByTime(10_000);
    expect(reasons).toEqual([]);
    c.stored(3, 10);
    expect(reasons).toEqual(['count']);
  });

  it('arms nothing more after stop()', () => {
    const { reasons, c } = controller();
    c.stored(1, 10);
    c.backoff(100);
    c.stop();
    vi.advanceTimersByTime(10_000);
    expect(reasons).toEqual([]);
  });
});
