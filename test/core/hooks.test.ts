import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSightline } from '../../src/core';
import type { SightlineError } from '../../src/types';
import { clearBrowserState, createHarness } from '../utils/core-harness';

beforeEach(clearBrowserState);
afterEach(() => vi.restoreAllMocks());

describe('lifecycle hooks', () => {
  it('returns an unsubscribe function from on()', async () => {
    const h = createHarness();
    const fn = vi.fn();
    const off = h.client.on('event', fn);
    h.client.track('One');
    await h.settle();
    off();
    h.client.track('Two');
    await h.settle();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('returns an unsubscribe function from onError()', () => {
    const h = createHarness();
    const fn = vi.fn();
    const off = h.client.onError(fn);
    h.client.track('');
    off();
    h.client.track('');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('fires identify and reset with their payloads', () => {
    const h = createHarness();
    const identify = vi.fn();
    const reset = vi.fn();
    h.client.on('identify', identify);
    h.client.on('reset', reset);
    const { anonymousId } = h.client.user();
    h.client.identify('u1', { plan: 'gold' });
    h.client.reset();
    expect(identify).toHaveBeenCalledWith({ anonymousId, userId: 'u1', traits: { plan: 'gold' } });
    expect(reset).toHaveBeenCalledWith({ anonymousId: h.client.user().anonymousId });
  });

  it('delivers an identify event before an event its identify listener tracks', async () => {
    const h = createHarness();
    h.client.on('identify', () => h.client.track('Signed In'));
    h.client.identify('u1');
    await h.settle();
    expect(h.events.map((e) => e.event ?? e.type)).toEqual(['identify', 'Signed In']);
  });

  it('treats hook names like Object.prototype members as ordinary names', async () => {
    const h = createHarness();
    const fn = vi.fn();
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) h.client.on(name as never, fn);
    h.client.track('One');
    await h.settle();
    expect(fn).not.toHaveBeenCalled();
    expect(h.errors).toEqual([]);
  });

  it('reports on() without a function as callback/invalid', () => {
    const h = createHarness();
    const off = h.client.on('event', 'not a function' as never);
    expect(typeof off).toBe('function');
    expect(h.errors).toMatchObject([{ code: 'callback/invalid', source: 'input' }]);
  });
});

describe("errors in the caller's own callbacks", () => {
  it('reports a throwing lifecycle listener as callback/failed from the user, and goes on', async () => {
    const h = createHarness();
    const after = vi.fn();
    h.client.on('event', () => {
      throw new Error('my bug');
    });
    h.client.on('event', after);
    h.client.track('X');
    await h.settle();
    expect(h.events).toHaveLength(1);
    expect(after).toHaveBeenCalledTimes(1);
    expect(h.errors).toMatchObject([{ code: 'callback/failed', source: 'user', message: 'my bug', detail: { hook: 'event' } }]);
  });

  it('survives an onError listener that always throws', () => {
    const client = createSightline({});
    const calls = vi.fn(() => {
      throw new Error('again');
    });
    client.onError(calls);
    expect(() => client.track('')).not.toThrow();
    // The original error, then a bounded number of reports of the listener's own failure.
    expect(calls.mock.calls.length).toBeGreaterThan(1);
    expect(calls.mock.calls.length).toBeLessThan(5);
    expect((calls.mock.calls as unknown as [SightlineError][]).slice(1).every(([e]) => e.code == 'callback/failed')).toBe(true);
  });

  it('reports what a throwing onError listener threw to the other listeners', () => {
    const client = createSightline({});
    const seen: string[] = [];
    client.onError(() => {
      throw new Error('listener bug');
    });
    client.onError((e) => seen.push(e.code));
    client.track('');
    expect(seen).toEqual(expect.arrayContaining(['input/invalid-name', 'callback/failed']));
  });

  it('describes thrown values that cannot be turned into strings', async () => {
    const h = createHarness();
    h.client.on('event', () => {
      throw Object.create(null);
    });
    h.client.track('X');
    await h.settle();
    expect(h.errors).toMatchObject([{ code: 'callback/failed', message: 'unknown error' }]);
  });
});

describe('reportError', () => {
  it('hands a plugin report to onError with its code, message, source and detail', () => {
    const h = createHarness();
    h.client.reportError({ code: 'transport/rejected', message: 'HTTP 400', source: 'network', detail: { status: 400 } });
    expect(h.errors).toEqual([{ code: 'transport/rejected', message: 'HTTP 400', source: 'network', detail: { status: 400 } }]);
  });

  it('defaults the source to sdk', () => {
    const h = createHarness();
    h.client.reportError({ code: 'x/y', message: 'm' });
    expect(h.errors[0]!.source).toBe('sdk');
  });

  it('defaults the message to the code, as the core and the transport report', () => {
    const h = createHarness();
    h.client.reportError({ code: 'x/y' } as never);
    h.client.track('');
    expect(h.errors.map((e) => e.message)).toEqual(['x/y', 'input/invalid-name']);
  });

  it.each([[undefined], [null], ['text'], [{ message: 'no code' }], [{ code: 5 }]])('turns reportError(%j) into core/invalid-report', (bad) => {
    const h = createHarness();
    h.client.reportError(bad as never);
    expect(h.codes()).toEqual(['core/invalid-report']);
  });
});

describe('the debug logger', () => {
  it('prints nothing when debug is off', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const h = createHarness();
    h.client.track('X');
    h.client.track('');
    await h.settle();
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it('prints events and errors with the [sightline] prefix when debug is on', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const h = createHarness({ debug: true });
    h.client.track('X');
    h.client.track('');
    await h.settle();
    expect(log).toHaveBeenCalledWith('[sightline]', 'event', expect.objectContaining({ event: 'X' }));
    expect(log).toHaveBeenCalledWith('[sightline]', 'error', expect.objectContaining({ code: 'input/invalid-name' }));
  });
});
