import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LifecycleMap, Plugin, SightlineEvent } from '../../src/types';
import { clearBrowserState, createHarness } from '../utils/core-harness';

const names = (events: SightlineEvent[]): (string | undefined)[] => events.map((e) => e.event);
const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(clearBrowserState);

describe('the plugin pipeline', () => {
  it('runs stages in the order before → enrich → destination → after, plugin by plugin', async () => {
    const log: string[] = [];
    const plugin = (name: string): Plugin => ({
      name,
      before: () => void log.push(`${name}.before`),
      enrich: () => void log.push(`${name}.enrich`),
      destination: () => void log.push(`${name}.destination`),
      after: () => void log.push(`${name}.after`),
    });
    const h = createHarness({ plugins: [plugin('a'), plugin('b')] });
    h.client.track('X');
    await h.settle();
    expect(log).toEqual(['a.before', 'b.before', 'a.enrich', 'b.enrich', 'a.destination', 'b.destination', 'a.after', 'b.after']);
  });

  it('lets enrich add to the event that later stages see', async () => {
    const h = createHarness({ plugins: [{ name: 'session', enrich: (e) => ({ ...e, context: { ...e.context, session: { id: 's1' } } }) }] });
    h.client.track('X');
    await h.settle();
    expect(h.events[0]!.context.session).toEqual({ id: 's1' });
  });

  it('keeps the event unchanged when a stage returns undefined', async () => {
    const h = createHarness({ plugins: [{ name: 'noop', before: () => undefined, enrich: () => {} }] });
    h.client.track('X', { a: 1 });
    await h.settle();
    expect(h.events[0]!.properties).toEqual({ a: 1 });
  });

  it.each(['before', 'enrich'] as const)('drops the event when %s returns null, and fires drop', async (stage) => {
    const h = createHarness({ plugins: [{ name: 'filter', [stage]: (e: SightlineEvent) => (e.event == 'Secret' ? null : e) }] });
    const drops: LifecycleMap['drop'][] = [];
    h.client.on('drop', (d) => drops.push(d));
    h.client.track('Secret');
    h.client.track('Public');
    await h.settle();
    expect(names(h.events)).toEqual(['Public']);
    expect(drops).toMatchObject([{ reason: 'plugin', plugin: 'filter', event: { event: 'Secret' } }]);
  });

  it('cancels only that event when before throws, reports it and fires drop', async () => {
    const h = createHarness({ plugins: [{ name: 'picky', before: (e) => { if (e.event == 'Bad') throw new Error('nope'); } }] });
    const drops: LifecycleMap['drop'][] = [];
    h.client.on('drop', (d) => drops.push(d));
    h.client.track('Bad');
    h.client.track('Good');
    await h.settle();
    expect(names(h.events)).toEqual(['Good']);
    expect(h.errors).toMatchObject([{ code: 'plugin/failed', source: 'sdk', message: 'nope', detail: { plugin: 'picky', stage: 'before' } }]);
    expect(drops).toMatchObject([{ reason: 'plugin', plugin: 'picky' }]);
  });

  it('cancels only that event when before rejects', async () => {
    const h = createHarness({ plugins: [{ name: 'async-picky', before: async (e) => { if (e.event == 'Bad') throw new Error('later'); } }] });
    h.client.track('Bad');
    h.client.track('Good');
    await h.settle();
    expect(names(h.events)).toEqual(['Good']);
    expect(h.codes()).toEqual(['plugin/failed']);
  });

  it.each(['enrich', 'destination', 'after'] as const)('reports a throwing %s and lets the event go on', async (stage) => {
    const broken: Plugin = { name: 'broken', [stage]: () => { throw new Error('boom'); } };
    const h = createHarness({ plugins: [broken] });
    h.client.track('X');
    await h.settle();
    expect(names(h.events)).toEqual(['X']);
    expect(h.errors).toMatchObject([{ code: 'plugin/failed', detail: { plugin: 'broken', stage } }]);
  });

  it.each(['enrich', 'destination'] as const)('reports a rejecting %s and lets the event go on', async (stage) => {
    const broken: Plugin = { name: 'broken', [stage]: () => Promise.reject(new Error('boom')) };
    const h = createHarness({ plugins: [broken] });
    h.client.track('X');
    await h.settle();
    expect(names(h.events)).toEqual(['X']);
    expect(h.errors).toMatchObject([{ code: 'plugin/failed', detail: { plugin: 'broken', stage } }]);
  });

  it('keeps call order when a stage is slow for some events', async () => {
    const slow: Plugin = { name: 'slow', enrich: (e) => (e.event == 'First' ? tick(20).then(() => e) : e) };
    const h = createHarness({ plugins: [slow] });
    h.client.track('First');
    h.client.track('Second');
    h.client.track('Third');
    await h.settle();
    expect(names(h.events)).toEqual(['First', 'Second', 'Third']);
  });

  it('uses the event an async stage resolves to', async () => {
    const h = createHarness({ plugins: [{ name: 'async', enrich: async (e) => ({ ...e, properties: { added: true } }) }] });
    h.client.track('X');
    await h.settle();
    expect(h.events[0]!.properties).toEqual({ added: true });
  });

  it('hands an event over after one microtask chain step when every stage is synchronous', async () => {
    const h = createHarness();
    await h.settle();
    h.client.track('X');
    expect(h.events).toHaveLength(0);
    await Promise.resolve();
    await Promise.resolve();
    expect(names(h.events)).toEqual(['X']);
  });

  it('fires the event lifecycle when the event is handed to destinations', async () => {
    const seen: string[] = [];
    const h = createHarness({ plugins: [{ name: 'dest', destination: () => void seen.push('destination') }] });
    h.client.on('event', (e) => seen.push('event:' + e.event));
    h.client.track('X');
    await h.settle();
    expect(seen).toEqual(['event:X', 'destination']);
  });

  it('fires event even with no plugins at all', async () => {
    const { createSightline } = await import('../../src/core');
    const client = createSightline({});
    const fn = vi.fn();
    client.on('event', fn);
    client.track('Alone');
    await client.flush();
    expect(fn).toHaveBeenCalledWith(expect.objectContaining({ event: 'Alone' }));
  });
});

describe('plugins', () => {
  it('passes the client to setup', async () => {
    const setup = vi.fn();
    const h = createHarness({ plugins: [{ name: 'p', setup }] });
    await h.settle();
    expect(setup).toHaveBeenCalledWith(h.client);
  });

  it('removes a plugin whose setup throws and reports it', async () => {
    const destination = vi.fn();
    const h = createHarness({ plugins: [{ name: 'fragile', setup: () => { throw new Error('no storage'); }, destination }] });
    h.client.track('X');
    await h.settle();
    expect(destination).not.toHaveBeenCalled();
    expect(h.events).toHaveLength(1);
    expect(h.errors).toMatchObject([{ code: 'plugin/setup-failed', message: 'no storage', detail: { plugin: 'fragile' } }]);
  });

  it('removes a plugin whose setup rejects', async () => {
    const destination = vi.fn();
    const h = createHarness({ plugins: [{ name: 'fragile', setup: () => Promise.reject(new Error('later')), destination }] });
    h.client.track('X');
    await h.settle();
    expect(destination).not.toHaveBeenCalled();
    expect(h.codes()).toEqual(['plugin/setup-failed']);
  });

  it('makes events wait for an async setup of a plugin added before them', async () => {
    const seen: string[] = [];
    const h = createHarness();
    const ready = h.client.use({ name: 'late', setup: () => tick(10), destination: (e) => void seen.push(e.event!) });
    h.client.track('After use');
    await ready;
    await h.settle();
    expect(seen).toEqual(['After use']);
  });

  it('resolves use() once setup ran', async () => {
    const order: string[] = [];
    const h = createHarness();
    await h.client.use({ name: 'p', setup: () => tick(5).then(() => void order.push('setup')) });
    order.push('resolved');
    expect(order).toEqual(['setup', 'resolved']);
  });

  it.each([[null], [42], ['plugin'], [{}], [{ name: '' }], [{ name: '  ' }], [{ name: 'p'.repeat(201) }], [{ name: 7 }]])('reports use(%j) as plugin/invalid', async (bad) => {
    const h = createHarness();
    await expect(h.client.use(bad as unknown as Plugin)).resolves.toBeUndefined();
    expect(h.codes()).toEqual(['plugin/invalid']);
  });

  it('fires ready once the plugins of the options ran their setup', async () => {
    const order: string[] = [];
    const h = createHarness({ plugins: [{ name: 'slow', setup: () => tick(5).then(() => void order.push('setup')) }] });
    h.client.on('ready', () => order.push('ready'));
    await h.settle();
    expect(order).toEqual(['setup', 'ready']);
  });
});

describe('flush', () => {
  it("awaits every plugin's flush('manual') after the events called before it", async () => {
    const calls: string[] = [];
    const dest = (name: string): Plugin => ({
      name,
      destination: (e) => void calls.push(`${name}:${e.event}`),
      flush: async (reason) => {
        await tick(5);
        calls.push(`${name}:flush:${reason}`);
      },
    });
    const h = createHarness({ plugins: [dest('a'), dest('b')] });
    h.client.track('X');
    await h.client.flush();
    expect(calls).toEqual(['a:X', 'b:X', 'a:flush:manual', 'b:flush:manual']);
  });

  it('never rejects, and reports a failing plugin flush', async () => {
    const h = createHarness({ plugins: [{ name: 'bad', flush: () => Promise.reject(new Error('offline')) }, { name: 'worse', flush: () => { throw new Error('sync'); } }] });
    await expect(h.client.flush()).resolves.toBeUndefined();
    expect(h.errors.map((e) => `${e.code} ${e.detail?.plugin} ${e.detail?.stage}`).sort()).toEqual([
      'plugin/failed bad flush',
      'plugin/failed worse flush',
    ]);
  });

  it('does not hold back events called while a slow flush is under way', async () => {
    let release!: () => void;
    const h = createHarness({ plugins: [{ name: 'slow', flush: () => new Promise<void>((r) => (release = r)) }] });
    const flushed = h.client.flush();
    await tick();
    h.client.track('During flush');
    await tick();
    expect(names(h.events)).toEqual(['During flush']);
    release();
    await flushed;
  });
});

describe('destroy', () => {
  it('runs every teardown, then ignores calls and listeners', async () => {
    const teardown = vi.fn();
    const h = createHarness({ plugins: [{ name: 'p', teardown }] });
    const onEvent = vi.fn();
    h.client.on('event', onEvent);
    h.client.track('Before');
    await h.client.destroy();
    h.client.track('After');
    h.client.identify('u1');
    await h.client.flush();
    expect(teardown).toHaveBeenCalledTimes(1);
    expect(names(h.events)).toEqual(['Before']);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('reports a failing teardown and still resolves', async () => {
    const h = createHarness({ plugins: [{ name: 'p', teardown: () => { throw new Error('stuck'); } }] });
    const errors: string[] = [];
    h.client.onError((e) => errors.push(`${e.code}:${String(e.detail?.stage)}`));
    await expect(h.client.destroy()).resolves.toBeUndefined();
    expect(errors).toEqual(['plugin/failed:teardown']);
  });

  it('returns the same promise when called twice', () => {
    const h = createHarness();
    expect(h.client.destroy()).toBe(h.client.destroy());
  });
});
