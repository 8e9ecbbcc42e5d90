import { describe, expect, it, vi } from 'vitest';
import * as capture from '../../src/capture';
import { autocapture, CAPTURE_ERRORS, errors } from '../../src/capture';
import { createScope } from '../../src/capture/shared/scope';
import { createSightline } from '../../src';
import type { SightlineError } from '../../src/types';
import { createFakeClient } from '../utils/capture-client';

const NAMES = ['context', 'pageviews', 'clicks', 'forms', 'engagement', 'commerce', 'vitals'];

describe('autocapture', () => {
  it('returns every plugin but errors, context first', () => {
    expect(autocapture().map((p) => p.name)).toEqual(['context', 'pageviews', 'clicks', 'forms', 'engagement', 'commerce', 'vitals']);
  });

  it('leaves out plugins set to false', () => {
    expect(autocapture({ vitals: false, forms: false }).map((p) => p.name)).toEqual(['context', 'pageviews', 'clicks', 'engagement', 'commerce']);
  });

  it('passes each plugin its options', () => {
    const [, pageviews] = autocapture({ pageviews: { initial: false } });
    expect(pageviews?.name).toBe('pageviews');
  });

  it('takes null from plain JavaScript as no options, for itself and for each plugin', async () => {
    expect(capture.autocapture(null as never).map((p) => p.name)).toEqual(NAMES);
    expect(capture.autocapture(Object.fromEntries(NAMES.map((n) => [n, null])) as never).map((p) => p.name)).toEqual(NAMES);
    const factories = [capture.context, capture.pageviews, capture.clicks, capture.forms, capture.engagement, capture.commerce, capture.vitals, capture.errors];
    const reported: SightlineError[] = [];
    const client = createSightline({ writeKey: 'k', plugins: factories.map((make) => make(null as never)), onError: (e) => reported.push(e) });
    await client.flush();
    await client.destroy();
    expect(reported).toEqual([]);
  });

  it('makes plain plugin objects with setup and teardown', () => {
    for (const plugin of [...autocapture(), errors()]) {
      expect(typeof plugin.setup).toBe('function');
      expect(typeof plugin.teardown).toBe('function');
    }
  });
});

describe('plugin scope', () => {
  it('reports a listener that throws instead of throwing into the page', () => {
    // A real client: the core turns what was thrown into the message a shop reads.
    const client = createSightline({});
    const seen: SightlineError[] = [];
    client.onError((error) => seen.push(error));
    const scope = createScope(client, 'clicks');
    scope.on(document, 'click', () => {
      throw new Error('bug in capture');
    });
    expect(() => document.dispatchEvent(new MouseEvent('click'))).not.toThrow();
    expect(seen).toEqual([{ code: CAPTURE_ERRORS.listenerFailed, message: 'bug in capture', source: 'sdk', detail: { plugin: 'clicks' } }]);
    scope.stop();
    void client.destroy();
  });

  it('stops listeners, timers and registered stops, and ignores late callbacks', () => {
    vi.useFakeTimers();
    const client = createFakeClient();
    const scope = createScope(client, 'test');
    const seen: string[] = [];
    scope.on(document, 'keydown', () => seen.push('key'));
    scope.later(() => seen.push('timer'), 100);
    const late = scope.safe(() => seen.push('late'));
    scope.add(() => seen.push('stopped'));
    scope.stop();
    document.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(200);
    late();
    expect(seen).toEqual(['stopped']);
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });
});
