import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isoTime } from '../../src/lib/iso-time';

// Every millisecond Date.now() can return before the year 10000 (past it, ISO years take six digits).
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

describe('isoTime', () => {
  it('formats any time as toISOString() does, whatever the order of the calls', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: LAST }), { minLength: 1, maxLength: 20 }), (times) => {
        for (const ms of times) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 500 },
    );
  });

  it('pads milliseconds and crosses second, day and year boundaries', () => {
    for (const ms of [0, 1, 9, 10, 99, 100, 999, 1000, Date.UTC(2026, 11, 31, 23, 59, 59, 999), Date.UTC(2027, 0, 1), Date.UTC(2026, 10, 22, 12, 0, 0, 5)])
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('formats a second once, however many events share it', () => {
    const format = vi.spyOn(Date.prototype, 'toISOString');
    const start = Date.UTC(2031, 4, 6, 7, 8, 9); // a second no other spec formats
    for (let ms = start; ms < start + 1000; ms++) isoTime(ms);
    expect(format).toHaveBeenCalledTimes(1);
  });
});
