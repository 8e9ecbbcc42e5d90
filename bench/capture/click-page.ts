// The in-page half of bench/capture/click.ts, bundled by esbuild into an IIFE: a real
// client (src/core) with autocapture and a no-op destination, started only on demand, and
// a loop that dispatches clicks and times each one until its microtasks are done.
import { createSightline } from '../../src/core/index.ts';
import { autocapture, clicks } from '../../src/capture/index.ts';
import type { SightlineOptions } from '../../src/types.ts';

/** One click's main-thread time, in ms, from dispatch to the end of its microtasks. */
type Timings = number[];

// Resolves on the next task: every microtask the click queued (the core's pipeline) has run.
const drain = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** What runs on the page: the core alone tracking one fixed event per click, click capture only, or all of autocapture. */
export type Mode = 'core' | 'clicks' | 'autocapture';

const bench = {
  /** Starts a client (no-op destination: no transport, so no rate limit) for `mode`. */
  start(mode: Mode): void {
    const plugins = mode === 'autocapture' ? autocapture() : mode === 'clicks' ? [clicks()] : [];
    const options: SightlineOptions = { plugins: [{ name: 'noop', destination() {} }, ...plugins] };
    const client = createSightline(options);
    if (mode !== 'core') return;
    // The core's own cost: what any click tracking pays per event, with capture's usual properties.
    document.addEventListener('click', () => client.track('Element Clicked', { selector: 'ul.product-grid > li:nth-of-type(3) > article > a', tag: 'a', text: 'Trail runner 3 new', href: `${location.origin}/products/sku-3`, outbound: false, download: false }), { capture: true, passive: true });
  },
  /** Clicks `count` targets (the same sequence for the same seed) and returns each click's time. */
  async run(count: number, seed: number): Promise<Timings> {
    const targets = Array.from(document.querySelectorAll('[data-bench-target]'));
    const random = seeded(seed);
    const times: Timings = [];
    for (let i = 0; i < count; i++) {
      const el = targets[Math.floor(random() * targets.length)]!;
      const rect = { x: 100 + Math.floor(random() * 800), y: 100 + Math.floor(random() * 600) };
      const started = performance.now();
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: rect.x, clientY: rect.y, detail: 1 }));
      await drain();
      times.push(performance.now() - started);
    }
    return times;
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
