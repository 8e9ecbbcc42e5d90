import fc from 'fast-check';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createSightline } from '../../src/core';
import type { SightlineClient, SightlineError, SightlineEvent } from '../../src/types';
import { clearBrowserState, memoryDestination } from '../utils/core-harness';

// Redaction is off: random strings must come out as they went in.
const options = { privacy: { redactEmails: false, redactCardNumbers: false } };
const SOURCES = ['sdk', 'input', 'user', 'network'];

function fresh(): { client: SightlineClient; events: SightlineEvent[]; errors: SightlineError[] } {
  clearBrowserState();
  const destination = memoryDestination();
  const errors: SightlineError[] = [];
  const client = createSightline({ ...options, plugins: [destination], onError: (e) => errors.push(e) });
  return { client, events: destination.events, errors };
}

const wellFormed = (e: SightlineError): boolean => typeof e.code == 'string' && /^[a-z]+\/[a-z-]+$/.test(e.code) && SOURCES.includes(e.source) && typeof e.message == 'string';
const validName = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() != '');
const anything = fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withSparseArray: true, maxDepth: 4 });
// What JSON would make of a value; undefined when JSON itself cannot (BigInt, cycles).
const asJson = (v: unknown): string | undefined => {
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
};

beforeEach(clearBrowserState);

describe('random input', () => {
  it('never makes track throw; a valid name always gets an event, and every repair is reported', async () => {
    await fc.assert(
      fc.asyncProperty(validName, fc.oneof(fc.object(), anything), async (name, properties) => {
        const { client, events, errors } = fresh();
        expect(() => client.track(name, properties as never)).not.toThrow();
        await client.flush();
        expect(events).toHaveLength(1);
        expect(errors.every(wellFormed)).toBe(true);
        const out = events[0]!.properties;
        expect(asJson(out)).toBeDefined();
        const isBag = !!properties && typeof properties == 'object' && !Array.isArray(properties);
        const same = isBag && asJson(properties) === asJson(out);
        // Repaired, replaced or not JSON-safe: at least one input error says so.
        if (!same && properties != null) expect(errors.some((e) => e.source == 'input')).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('passes JSON properties through unchanged and without a report', async () => {
    const json = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 5 }));
    await fc.assert(
      fc.asyncProperty(validName, json, async (name, properties) => {
        const { client, events, errors } = fresh();
        client.track(name, properties);
        await client.flush();
        expect(asJson(events[0]!.properties)).toBe(asJson(properties));
        expect(errors).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('never makes any public method throw, whatever it is given, in any order', async () => {
    const call = fc.record({
      method: fc.constantFrom('track', 'page', 'identify', 'alias', 'reset', 'on', 'onError', 'use', 'reportError', 'consent.update', 'consent.get', 'user', 'flush'),
      args: fc.array(fc.oneof(anything, fc.object(), validName, fc.func(fc.anything())), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 12 }), async (calls) => {
        const { client, errors } = fresh();
        for (const { method, args } of calls) {
          const [owner, name] = method.startsWith('consent.') ? [client.consent, method.slice(8)] : [client, method];
          let result: unknown;
          expect(() => (result = (owner as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args))).not.toThrow();
          if (result instanceof Promise) await expect(result).resolves.toBeUndefined();
        }
        client.track('Still works', { ok: true });
        await client.flush();
        expect(errors.every(wellFormed)).toBe(true);
        await client.destroy();
      }),
      { numRuns: 1500 },
    );
  });

  it('never makes createSightline throw, whatever its options, and reports with well-formed errors', async () => {
    const KEYS = ['writeKey', 'plugins', 'consent', 'privacy', 'identity', 'limits', 'debug', 'default', 'categories', 'honorGlobalPrivacyControl', 'honorDoNotTrack', 'whileDenied', 'redactEmails', 'redactCardNumbers', 'redactQueryParams', 'allowQueryParams', 'storagePrefix', 'cookieDomain', 'cookieDays', 'maxStringLength', 'maxDepth', 'maxEventBytes'] as const;
    const named = (values: fc.Arbitrary<unknown>) => fc.dictionary(fc.constantFrom(...KEYS), values, { maxKeys: 6 });
    // A random `debug: true` logs every hook to the console: hundreds of screens of CI log.
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    onTestFinished(() => log.mockRestore());
    await fc.assert(
      fc.asyncProperty(fc.oneof(anything, named(anything), named(fc.oneof(anything, named(anything)))), async (given) => {
        clearBrowserState();
        const errors: SightlineError[] = [];
        const client = createSightline({ ...Object(given), onError: (e: SightlineError) => errors.push(e) });
        client.track('Product Viewed', { id: 1 });
        client.page();
        client.identify('user-1');
        await client.flush();
        await client.destroy();
        expect(errors.filter((e) => !wellFormed(e))).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  it('reports every rejected call with a non-empty code', async () => {
    await fc.assert(
      fc.asyncProperty(anything.filter((v) => typeof v != 'string' && typeof v != 'number'), async (bad) => {
        const { client, events, errors } = fresh();
        client.track(bad as string);
        client.alias(bad as string);
        await client.flush();
        expect(events).toEqual([]);
        expect(errors.map((e) => e.code)).toEqual(['input/invalid-name', 'input/invalid-id']);
      }),
      { numRuns: 500 },
    );
  });
});
