import { describe, expect, it } from 'vitest';
import type { Observed } from '../../src/recommend/observe';
import { observe } from '../../src/recommend/observe';
import { HISTORY_LIMITS, SESSION_GAP_MS, shopper } from '../../src/recommend/shopper';
import { emptyRecoHistory } from '../../src/storage/reco-history';
import type { SightlineEvent } from '../../src/types';

const T0 = Date.UTC(2024, 0, 1);
const seen = (items: string[], time: number, sessionId?: string): Observed => ({ kind: 'view', items, time, sessionId });

function event(name: string, properties: Record<string, unknown>, type: SightlineEvent['type'] = 'track'): SightlineEvent {
  return { type, event: name, properties, anonymousId: 'a', userId: null, messageId: 'm', timestamp: new Date(T0).toISOString(), context: { library: { name: 'sightline', version: 't' }, consent: { necessary: true, analytics: true, personalization: true, fingerprinting: true } } };
}

describe('observe', () => {
  it.each([
    ['Product Viewed', { product_id: 'p1' }, 'view', ['p1']],
    ['Product Clicked', { product_id: 7 }, 'view', ['7']],
    ['Product Added', { product_id: 'p1', quantity: 2 }, 'add', ['p1']],
    ['Product Removed', { sku: 'S-1' }, 'remove', ['S-1']],
    ['Order Completed', { products: [{ product_id: 'p1' }, { product_id: 'p2' }, null] }, 'buy', ['p1', 'p2']],
  ])('reads %s', (name, properties, kind, items) => {
    expect(observe(event(name, properties))).toMatchObject({ kind, items, time: T0 });
  });

  it.each([
    ['another event', event('Signed Up', { product_id: 'p1' })],
    ['a page call', event('Product Viewed', { product_id: 'p1' }, 'page')],
    ['a product event without an id', event('Product Viewed', { name: 'Shoe' })],
    ['an order without products', event('Order Completed', { products: 'p1' })],
  ])('ignores %s', (_, e) => {
    expect(observe(e)).toBeUndefined();
  });

  it('carries context.session.id when the session plugin set it', () => {
    const e = event('Product Viewed', { product_id: 'p1' });
    e.context.session = { id: 's-9' };
    expect(observe(e)?.sessionId).toBe('s-9');
  });
});

describe('shopper', () => {
  it('starts a new session after 30 minutes without activity', () => {
    let now = T0;
    const s = shopper(emptyRecoHistory(), () => now);
    s.apply(seen(['a', 'b'], T0));
    now = T0 + SESSION_GAP_MS + 1;
    s.apply(seen(['c'], now));
    expect([s.session(), s.earlier()]).toEqual([['c'], ['a', 'b']]);
  });

  it('follows context.session ids when events carry them', () => {
    const s = shopper(emptyRecoHistory(), () => T0 + 2);
    s.apply(seen(['a'], T0, 's1'));
    s.apply(seen(['b'], T0 + 1, 's2'));
    s.apply(seen(['c'], T0 + 2, 's2'));
    expect([s.session(), s.earlier()]).toEqual([['b', 'c'], ['a']]);
  });

  it('has no current session once the last one went idle', () => {
    const s = shopper(emptyRecoHistory(), () => T0 + SESSION_GAP_MS + 1);
    s.apply(seen(['a'], T0));
    expect([s.session(), s.earlier()]).toEqual([[], ['a']]);
  });

  it('owns what is in the cart or was bought', () => {
    const s = shopper(emptyRecoHistory(), () => T0);
    s.apply({ kind: 'add', items: ['a', 'b'], time: T0, sessionId: undefined });
    s.apply({ kind: 'remove', items: ['a'], time: T0, sessionId: undefined });
    s.apply({ kind: 'buy', items: ['c'], time: T0, sessionId: undefined });
    expect([...s.owned()].sort()).toEqual(['b', 'c']);
  });

  it('keeps a bounded history', () => {
    const s = shopper(emptyRecoHistory(), () => T0);
    for (let i = 0; i < HISTORY_LIMITS.items + 10; i++) s.apply(seen([`i${i}`], T0));
    expect(s.snapshot().items).toHaveLength(HISTORY_LIMITS.items);
    expect(s.session().at(-1)).toBe(`i${HISTORY_LIMITS.items + 9}`);
  });
});
