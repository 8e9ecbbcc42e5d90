import { afterEach, describe, expect, it } from 'vitest';
import { outsideZones } from '../../src/lib/outside-zones';

// Real zone.js runs in Chromium (test/e2e/angular-zone.test.ts); here a stand-in for its
// root zone, as loading zone.js would patch the timers and promises of the test runner too.
const global = globalThis as { Zone?: unknown };
const sum = (a: number, b: number): number => a + b;

describe('outsideZones', () => {
  afterEach(() => void delete global.Zone);

  it('calls the function with its arguments where the page has no zone.js', () => {
    expect(outsideZones(sum)(2, 3)).toBe(5);
  });

  it('runs the function in zone.js\u2019s root zone where the page has zone.js', () => {
    const ran: string[] = [];
    let current = 'angular';
    const root = {
      run<T>(fn: () => T): T {
        const was = current;
        current = '<root>';
        try {
          return fn();
        } finally {
          current = was;
        }
      },
    };
    global.Zone = { root };
    const wrapped = outsideZones((a: number, b: number) => (ran.push(current), sum(a, b)));
    expect(wrapped(2, 3)).toBe(5);
    expect(ran).toEqual(['<root>']);
    expect(current).toBe('angular');
  });

  it('takes a global named Zone that is not zone.js for none', () => {
    for (const zone of [class Zone {}, { root: {} }, { root: { run: 'no' } }, 42]) {
      global.Zone = zone;
      expect(outsideZones(sum)(2, 3)).toBe(5);
    }
  });

  it('lets what the function throws through, and reads zone.js at each call (it may load after sightline)', () => {
    const wrapped = outsideZones(() => {
      throw new Error('boom');
    });
    expect(wrapped).toThrow('boom');
    let runs = 0;
    global.Zone = { root: { run: <T>(fn: () => T): T => (runs++, fn()) } };
    expect(wrapped).toThrow('boom');
    expect(runs).toBe(1);
  });
});
