import { join } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readyCrash } from '../utils/e2e-browser';
import { useSoakShop, type Arrival, type Fault } from '../utils/e2e-soak-shop';
import { DIST_DIR, seededRandom, useE2eEnv, WRITE_KEY } from '../utils/e2e-stack';
import { storedEventJson } from '../utils/e2e-storage';

// The delivery promise, played at random in real Chromium (real IndexedDB, Web Locks,
// keepalive budget, back/forward cache, and a localStorage that each renderer process
// reads from a copy other tabs' writes reach late): one to three tabs of a shop track
// bursts of events (up to 400 in one task), reload, follow a link to the shop's other
// page, leave for another site and come back, close (online or offline), crash, while the
// collector fails now and then. Each run draws a browser (IndexedDB or not, Web Locks or the localStorage
// lease), a format (`native` goes by beacon at exit, `segment` by keepalive fetch, for its
// headers) and whether requests are gzipped (`compress: gzip`; never at exit).
//
// A run is phases. In a fault phase the tabs stay and the collector fails (network errors,
// 500, 429 with Retry-After, 413 past 8 KB, offline); in an exit phase it answers (at once,
// or up to 1.5 s late) and the tabs come and go. The collector answers every exit: a beacon it fails is lost by nature,
// as no page is left to read the answer. Each phase ends with a sync: every tracked event
// delivered, and none twice but what a page had under way as it went, whose answer it
// never read (docs/delivery.md, "Page exit"). The collector is the test's own, on the
// shop's origin, so it sees every request, a beacon of a page already gone too, and knows
// the page load that sent it. A crash gives its page no exit at all: what it had made
// durable (stored in the queue, or delivered) must be delivered, and only what it tracked
// and had not yet stored may be lost.
//
// CI plays 3 runs of a fixed seed; elsewhere each run of `npm run test:soak` draws new
// seeds (printed in the test names). SOAK_RUNS plays more, SOAK_SEED replays one, SOAK_LOG
// prints each run's steps (a failure prints them anyway).
const RUNS = Number(process.env.SOAK_RUNS ?? 3);
const SEED = Number(process.env.SOAK_SEED ?? (process.env.CI ? 20_261_124 : Math.floor(Math.random() * 1e9)));
const PHASES = 4;
const BURSTS = [1, 3, 20, 60, 150, 400];
const FAULTS: Fault[] = ['network', '500', '429', '413'];
const SYNC_MS = 60_000;
// A page reads an answer within this long while it lives (a burst of 400 events keeps its
// main thread busy for a moment): a request answered earlier than this before its page
// went was read, and what it carried must not go again.
const READ_MS = 2_000;
/** A page of the shop that does not run the SDK. */
const BLANK = '/soak/blank.html';

const env = useE2eEnv({}, { backForwardCache: true });
const shop = useSoakShop();

/** What a run draws once: the browser it plays in and the format the shop sends. */
interface Variant {
  indexedDB: boolean;
  webLocks: boolean;
  format: 'native' | 'segment';
  gzip: boolean;
}

/** A seeded draw, with the helpers the steps use. */
const draws = (seed: number) => {
  const next = seededRandom(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: <T>(list: readonly T[]): T => list[int(list.length)]! };
};
type Draws = ReturnType<typeof draws>;

let bundle = '';
/** The npm build, bundled as an app would: `window.sdk`. */
const sdkBundle = async (): Promise<string> => {
  if (!bundle) {
    const contents = `import { createSightline, collector, gzip } from ${JSON.stringify(join(DIST_DIR, 'esm/index.js'))};
      window.sdk = { createSightline, collector, gzip };`;
    const out = await build({ stdin: { contents, resolveDir: process.cwd() }, bundle: true, write: false, format: 'iife' });
    bundle = out.outputFiles[0]!.text;
  }
  return bundle;
};

/**
 * The shop's two pages for one run, each linking to the other. Each page load sends to an
 * endpoint of its own (`/d/<doc>`, `window.doc`), sharing one queue: the collector knows
 * which page sent what. Short retries and no rate limit, so a sync does not wait out a
 * backoff or drop a burst by design. Errors reported are kept in `window.errors`, and the
 * collector plugin is `window.collector`, for a failure's message. Also a page of the shop
 * without the SDK, {@link BLANK}, to read its stores.
 */
async function servePages(run: number, variant: Variant): Promise<[string, string]> {
  const options = { format: variant.format, queue: { name: `soak-${run}` }, ratePerName: 0, retry: { baseMs: 100, capMs: 1_000 }, batch: { intervalMs: 300 } };
  const js = await sdkBundle();
  const paths = [`/soak/${run}/a.html`, `/soak/${run}/b.html`] as const;
  paths.forEach((path, i) =>
    shop().page(
      path,
      `<!doctype html><title>Soak ${i ? 'B' : 'A'}</title><script>${js}</script><script>
        window.doc = Math.random().toString(36).slice(2);
        window.errors = [];
        const collector = sdk.collector({ ...${JSON.stringify(options)}, endpoint: location.origin + '/d/' + doc, compress: ${variant.gzip} ? sdk.gzip : undefined });
        window.sightline = sdk.createSightline({ writeKey: ${JSON.stringify(WRITE_KEY)}, plugins: [(window.collector = collector)] });
        sightline.onError((e) => errors.push(e.code));
      </script><a id="other" href="${paths[1 - i]}">other page</a>`,
    ),
  );
  shop().page(BLANK, '<!doctype html><title>Soak, no SDK</title>');
  return [`${shop().url}${paths[0]}`, `${shop().url}${paths[1]}`];
}

/** A shopper's browser for `variant`. */
async function browserFor(variant: Variant): Promise<BrowserContext> {
  const context = await env.browser.newContext();
  await context.addInitScript(
    ({ indexedDB, webLocks }) => {
      if (!indexedDB) Object.defineProperty(window, 'indexedDB', { value: undefined });
      if (!webLocks) delete (Navigator.prototype as any).locks;
    },
    { indexedDB: variant.indexedDB, webLocks: variant.webLocks },
  );
  return context;
}

/** A page load going away (reload, link, another site, close, crash): from the step's start to its end. */
interface Exit {
  doc: string;
  start: number;
  end: number;
  /** Its renderer was killed: no pagehide, no beacon, no last task. */
  crash?: boolean;
}


/** One run: its tabs, what they tracked, its page exits, and the log of steps a failure prints. */
class Run {
  tabs: Page[] = [];
  tracked: number[] = [];
  log: string[] = [];
  exits: Exit[] = [];
  /** Events tracked in the same task as a reload or a link to the shop's other page (see `explained`). */
  beforeNavigation = new Set<number>();
  /** The events each page load tracked, by its `doc`. */
  tracks = new Map<string, number[]>();
  /** Events a crashed page load had tracked and neither stored nor delivered: they may be lost. */
  crashLost = new Set<number>();
  /** Where this run's arrivals begin in the shop's list. */
  private from = shop().arrivals.length;
  private seq = 0;
  constructor(
    readonly id: string,
    readonly context: BrowserContext,
    readonly urls: [string, string],
    readonly queue: string,
  ) {}

  name = (n: number): string => `Soak ${this.id} ${Math.floor(n / 50)}`;

  /** The arrivals of this run. */
  arrivals = (): Arrival[] => shop().arrivals.slice(this.from);

  /** Opens a tab on one of the shop's pages. */
  async open(i: number): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(this.urls[i]!);
    this.tabs.push(page);
  }

  /** In one task: tracks `count` events, then runs `then` (a navigation), if any. */
  async burst(page: Page, count: number, then = ''): Promise<void> {
    const first = this.seq;
    this.seq += count;
    const events = Array.from({ length: count }, (_, i) => [this.name(first + i), first + i] as const);
    const doc = (await page.evaluate(() => (window as any).doc)) as string;
    this.tracks.set(doc, [...(this.tracks.get(doc) ?? []), ...events.map(([, n]) => n)]);
    await page
      .evaluate(
        ({ events, then }) => {
          for (const [name, n] of events) (window as any).sightline.track(name, { n, pad: 'x'.repeat(120) });
          if (then) new Function(then)(); // eslint-disable-line no-new-func -- in the same task
        },
        { events, then },
      )
      .catch((error: Error) => {
        // Only a navigation started in that task may end the evaluation early.
        if (!then) throw error;
      });
    this.tracked.push(...events.map(([, n]) => n));
  }

  /** Runs `go`, a step in which the page load of `page` goes away. */
  async exit(page: Page, go: () => Promise<void>, crash = false): Promise<void> {
    const doc = (await page.evaluate(() => (window as any).doc)) as string;
    const start = Date.now();
    await go();
    this.exits.push({ doc, start, end: Date.now(), crash });
  }

  /** Tracks `count`, then leaves in the same task by `how`, and waits for the next page. */
  async leave(page: Page, count: number, how: 'reload' | 'link'): Promise<void> {
    await this.exit(page, async () => {
      const left = page.waitForEvent('load');
      await this.burst(page, count, how === 'reload' ? 'location.reload()' : `document.getElementById('other').click()`);
      this.tracked.slice(-count).forEach((n) => this.beforeNavigation.add(n));
      await left;
    });
    await page.waitForFunction(() => (window as any).sightline);
  }

  /** Tracks `count`, leaves for another site in the same task, and comes back with Back. */
  async away(page: Page, count: number): Promise<void> {
    await this.exit(page, async () => {
      const left = page.waitForEvent('framenavigated');
      await this.burst(page, count, `location.href = ${JSON.stringify(`${env.stack.collector.url}/`)}`);
      await left;
      await page.waitForLoadState('load');
    });
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState === 'complete' && (window as any).sightline);
  }

  /**
   * Tracks `count` and closes the tab; `offline`, with the browser offline meanwhile (a
   * shopper on a train): a beacon would fail, and what it carried be lost.
   */
  async close(page: Page, count: number, offline = false): Promise<void> {
    this.tabs.splice(this.tabs.indexOf(page), 1);
    if (offline) {
      await this.context.setOffline(true);
      // The page learns it a moment later. Until then its exit takes the network for up and
      // beacons what fits, which the dead network then loses: the documented limit of a
      // beacon (docs/delivery.md, Page exit), not what this step plays. Seen once, under load:
      // seed 515032 lost the two beacons of 50 its exit sent.
      await page.waitForFunction(() => !navigator.onLine);
    }
    await this.exit(page, async () => {
      await this.burst(page, count);
      await page.close();
    });
    if (offline) await this.context.setOffline(false);
  }

  /**
   * Tracks `count`, lets the page work for `ms` (none: its writes are under way), and kills
   * its renderer, as an out-of-memory kill or a crash would. Then a page of the shop without
   * the SDK reads what survived: of the crashed page load's events, those neither stored nor
   * delivered are the only ones that may be lost. (Stored is read first: a record another
   * tab deletes meanwhile was delivered before.) The tab stays crashed until closed, as a
   * shopper would.
   */
  async crash(page: Page, count: number, ms: number): Promise<void> {
    this.tabs.splice(this.tabs.indexOf(page), 1);
    const doc = (await page.evaluate(() => (window as any).doc)) as string;
    const kill = await readyCrash(this.context, page);
    const start = Date.now();
    await this.burst(page, count);
    if (ms) await page.waitForTimeout(ms);
    await kill();
    this.exits.push({ doc, start, end: Date.now(), crash: true });
    await page.close();
    const reader = await this.context.newPage();
    await reader.goto(`${shop().url}${BLANK}`);
    const stored = new Set((await storedEventJson(reader, this.queue)).map((json) => JSON.parse(json).properties?.n));
    const delivered = new Set(this.arrivals().flatMap((a) => (a.stored ? a.events : [])));
    await reader.close();
    const lost = (this.tracks.get(doc) ?? []).filter((n) => !stored.has(n) && !delivered.has(n));
    lost.forEach((n) => this.crashLost.add(n));
    this.log.push(`    crashed after ${ms} ms: ${lost.length} events neither stored nor delivered`);
  }

  /**
   * A duplicate that page exits explain (docs/delivery.md, "Page exit"):
   * - its first delivery was under way as the page load that sent it went away (or crashed),
   *   unanswered or answered too late for the page to read it;
   * - or a page load beaconed it at its exit just as another tab's sender took it: the
   *   sender's note of what it took had not reached the exiting tab's renderer yet
   *   (localStorage between processes is that late);
   * - or it was tracked in the same task as a navigation to another page of the shop, as
   *   the page's write of it was under way: the exit saved it for the next page too, another
   *   tab's sender delivered the stored copy before the saved one reached its renderer, and
   *   then took the saved one in (the same lateness).
   */
  private explained = ([n, arrivals]: [number, Arrival[]]): boolean => {
    const [first] = arrivals as [Arrival];
    const exitOf = (a: Arrival) => this.exits.find((e) => !e.crash && e.doc === a.doc && a.at >= e.start && a.at <= e.end + READ_MS);
    return (
      this.beforeNavigation.has(n) ||
      this.exits.some((e) => e.doc === first.doc && first.at <= e.end && first.answered >= e.start - READ_MS) ||
      arrivals.some((a) => exitOf(a) && arrivals.some((b) => b.doc !== a.doc))
    );
  };

  /**
   * Every event tracked so far delivered but what a crash took before it was stored: a tab
   * open (a closed last tab left its rest for the next page), each one flushed, then the
   * collector watched until nothing is missing. Then no event delivered twice, but as page
   * exits explain.
   */
  async sync(): Promise<void> {
    if (!this.tabs.length) await this.open(0);
    await Promise.all(this.tabs.map((page) => page.evaluate(() => (window as any).sightline.flush()).catch(() => undefined)));
    const began = Date.now();
    let delivered = new Map<number, Arrival[]>();
    const missing = (): number[] => {
      delivered = new Map();
      for (const arrival of this.arrivals()) if (arrival.stored) arrival.events.forEach((n) => delivered.set(n, [...(delivered.get(n) ?? []), arrival]));
      return this.tracked.filter((n) => !delivered.has(n) && !this.crashLost.has(n));
    };
    while (missing().length && Date.now() - began < SYNC_MS) await new Promise((resolve) => setTimeout(resolve, 100));
    this.log.push(`  sync: ${Date.now() - began} ms`);
    const lost = missing();
    const twice = [...delivered].filter(([, arrivals]) => arrivals.length > 1);
    const unexplained = twice.filter((delivered) => !this.explained(delivered));
    if (!lost.length && !unexplained.length) return;
    expect({ missing: lost.length, unexplainedDuplicates: unexplained.length }, await this.report(lost, twice, unexplained)).toEqual({
      missing: 0,
      unexplainedDuplicates: 0,
    });
  }

  /** A failure's message: what went wrong, and the run's steps, pages and requests. */
  private async report(lost: number[], twice: [number, Arrival[]][], unexplained: [number, Arrival[]][]): Promise<string> {
    const t0 = this.arrivals()[0]?.at ?? 0;
    const ms = (t: number) => `${t - t0} ms`;
    const arrival = (a: Arrival) => `${a.doc} at ${ms(a.at)} ${a.status}${a.stored ? '' : ' (refused)'}${a.gzipped ? ' gzipped' : ''} after ${a.answered - a.at} ms, ${a.events.length} events`;
    const errors = await Promise.all(this.tabs.map((page) => page.evaluate(() => (window as any).errors).catch(() => 'gone')));
    const stats = await Promise.all(this.tabs.map((page) => page.evaluate(() => (window as any).collector.stats()).catch(() => 'gone')));
    return [
      `run ${this.id}: ${lost.length} of ${this.tracked.length} missing (${lost.slice(0, 20).join(', ')}…; ${this.crashLost.size} more lost to crashes may be), ${twice.length} delivered twice, ${unexplained.length} of them not by a page exit`,
      `open tabs' errors ${JSON.stringify(errors)}, stats ${JSON.stringify(stats)}`,
      `steps:\n${this.log.map((line, i) => `${i} ${line}`).join('\n')}`,
      `exits: ${this.exits.map((e) => `${e.doc} ${ms(e.start)}–${ms(e.end)}`).join(', ')}`,
      `delivered twice, not by a page exit (the first 5): ${unexplained.slice(0, 5).map(([n, arrivals]) => `\n  ${n}: ${arrivals.map(arrival).join(' | ')}`).join('')}`,
      `requests:\n${this.arrivals().map(arrival).join('\n')}`,
    ].join('\n');
  }
}

/** The tab a step plays in, drawn; none when no tab is open, and then it opens one (the step). */
async function tabToPlay(run: Run, d: Draws): Promise<Page | undefined> {
  if (run.tabs.length) return d.pick(run.tabs);
  run.log.push('  open a tab');
  await run.open(d.int(2));
}

/** Plays one phase of faults: the tabs track, go offline and online, and now and then one crashes. */
async function faultPhase(run: Run, d: Draws): Promise<void> {
  for (let step = 0, steps = 3 + d.int(5); step < steps; step++) {
    const page = await tabToPlay(run, d);
    if (!page) continue;
    const tab = run.tabs.indexOf(page);
    const kind = d.pick(['burst', 'burst', 'fault', 'offline', 'crash', 'wait'] as const);
    if (kind === 'burst') {
      const n = d.pick(BURSTS);
      run.log.push(`  tab ${tab}: track ${n}`);
      await run.burst(page, n);
    } else if (kind === 'fault') {
      shop().mode = d.pick(FAULTS);
      run.log.push(`  collector: ${shop().mode}`);
    } else if (kind === 'offline') {
      run.log.push('  offline, track 20, online');
      await run.context.setOffline(true);
      await run.burst(page, 20);
      await page.waitForTimeout(d.int(600));
      await run.context.setOffline(false);
    } else if (kind === 'crash') {
      const n = d.pick(BURSTS);
      run.log.push(`  tab ${tab}: track ${n}, crash`);
      await run.crash(page, n, d.pick([0, 0, d.int(600)]));
    } else {
      const ms = d.int(800);
      run.log.push(`  wait ${ms} ms`);
      await page.waitForTimeout(ms);
    }
  }
  shop().mode = 'open';
}

/**
 * Plays one phase of exits: tabs reload, change page, leave and come back, close, crash and
 * open, with a collector that answers at once or, in a third of phases, up to 1.5 s late (so
 * more exits find a request under way).
 */
async function exitPhase(run: Run, d: Draws): Promise<void> {
  shop().mode = d.next() < 0.33 ? 'slow' : 'open';
  run.log.push(`  collector: ${shop().mode}`);
  for (let step = 0, steps = 3 + d.int(5); step < steps; step++) {
    const page = await tabToPlay(run, d);
    if (!page) continue;
    const tab = run.tabs.indexOf(page);
    const n = d.pick(BURSTS);
    const kind = d.pick(['burst', 'reload', 'link', 'away', 'close', 'close offline', 'crash', 'open', 'wait'] as const);
    run.log.push(`  tab ${tab}: ${kind === 'open' || kind === 'wait' ? kind : `track ${n}, ${kind}`}`);
    if (kind === 'burst') await run.burst(page, n);
    else if (kind === 'reload' || kind === 'link') await run.leave(page, n, kind);
    else if (kind === 'away') await run.away(page, n);
    else if (kind === 'close' || kind === 'close offline') await run.close(page, n, kind !== 'close');
    else if (kind === 'crash') await run.crash(page, n, d.pick([0, 0, d.int(600)]));
    else if (kind === 'open') run.tabs.length < 3 && (await run.open(d.int(2)));
    else await page.waitForTimeout(d.int(800));
  }
  shop().mode = 'open';
}

describe('delivery, played at random in real Chromium', () => {
  for (let r = 0; r < RUNS; r++) {
    const seed = SEED + r;
    it(`delivers every event, once but as page exits explain (seed ${seed})`, async () => {
      const d = draws(seed);
      const variant: Variant = { indexedDB: d.next() < 0.75, webLocks: d.next() < 0.75, format: d.pick(['native', 'segment'] as const), gzip: d.next() < 0.3 };
      const context = await browserFor(variant);
      const run = new Run(String(seed), context, await servePages(seed, variant), `soak-${seed}`);
      run.log.push(`variant ${JSON.stringify(variant)}`);
      try {
        await run.open(0);
        for (let phase = 0; phase < PHASES; phase++) {
          const faults = d.next() < 0.5;
          run.log.push(`phase ${phase}: ${faults ? 'faults' : 'exits'}`);
          await (faults ? faultPhase(run, d) : exitPhase(run, d));
          await run.sync();
        }
        if (process.env.SOAK_LOG) console.log(run.log.join('\n'));
      } finally {
        shop().mode = 'open';
        await context.close();
      }
    }, 8 * SYNC_MS);
  }
});
