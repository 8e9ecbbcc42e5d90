import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src/core/context';
import { isoTime } from '../../src/lib/iso-time';

const GRANTED = { necessary: true, analytics: true, personalization: true, fingerprinting: true };
const scan = () => ({ issues: {}, bytes: 0 }) as Parameters<ReturnType<typeof createContext>>[1];

afterEach(() => {
  vi.useRealTimers();
  history.replaceState(null, '', '/');
});

describe('the context reader', () => {
  it('sees an SPA navigation at once, on the very next event', () => {
    const read = createContext((s) => s);
    history.replaceState(null, '', '/products?page=1');
    expect(read(GRANTED, scan()).page?.path).toBe('/products');
    history.pushState(null, '', '/products/sku-1');
    const page = read(GRANTED, scan()).page!;
    expect(page.path).toBe('/products/sku-1');
    expect(page.search).toBe('');
  });

  it('reads device facts at most once a second, however many events there are', () => {
    vi.useFakeTimers();
    const language = vi.spyOn(navigator, 'language', 'get');
    const read = createContext((s) => s);
    // As every event does: its timestamp is formatted first, and that sets the second.
    const event = () => (isoTime(Date.now()), read(GRANTED, scan()));
    for (let i = 0; i < 100; i++) event();
    expect(language).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1001);
    event();
    expect(language).toHaveBeenCalledTimes(2);
  });

  it('gives every event its own page and screen objects, so a plugin editing one changes no other', () => {
    const read = createContext((s) => s);
    const first = read(GRANTED, scan());
    first.page!.title = 'edited';
    first.screen!.width = -1;
    const second = read(GRANTED, scan());
    expect(second.page!.title).not.toBe('edited');
    expect(second.screen!.width).not.toBe(-1);
  });

  it('redacts the page it reads', () => {
    const read = createContext((s) => s.replace(/secret/g, '[redacted]'));
    history.replaceState(null, '', '/a?token=secret');
    expect(read(GRANTED, scan()).page?.url).toContain('token=[redacted]');
  });
});
