import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLock } from '../../src/transport/lock';
import { LEASE_SETTLE_MS } from '../../src/transport/constants';
import { installWebLocks, removeWebLocks } from '../utils/transport-locks';

/** A function that holds the lock until `release()` is called. */
function holder() {
  let release = (): void => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  return { fn: () => held, release };
}

describe.each([
  ['a localStorage lease', removeWebLocks],
  ['Web Locks', installWebLocks],
])('the tab lock with %s', (_, install) => {
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('lets one tab send at a time, and the next once the first is done', async () => {
    install();
    const a = createLock('queue', 'tab-a');
    const b = createLock('queue', 'tab-b');
    const first = holder();
    const running = a(first.fn);
    const second = vi.fn(async () => {});
    expect(await b(second)).toBe(false);
    expect(second).not.toHaveBeenCalled();
    first.release();
    expect(await running).toBe(true);
    expect(await b(second)).toBe(true);
    expect(second).toHaveBeenCalledOnce();
  });

  // A page frozen in the back/forward cache while it holds a Web Lock is evicted from the
  // cache as soon as another page of the site asks for that lock (Chromium:
  // WebLocksContention), so the shopper's Back loads it anew: the lock goes with pagehide.
  it('lets go at once when released (pagehide), and tells its holder it lost it', async () => {
    install();
    const a = createLock('queue', 'tab-a');
    const b = createLock('queue', 'tab-b');
    const first = holder();
    let ours = (): boolean => false;
    let started = (): void => {};
    const working = new Promise<void>((resolve) => (started = resolve));
    const running = a((asker) => ((ours = asker), started(), first.fn()));
    await working;
    expect(ours()).toBe(true);
    a.release();
    expect(ours()).toBe(false);
    await new Promise((freed) => setTimeout(freed)); // the browser frees a Web Lock a task later
    const second = vi.fn(async () => {});
    expect(await b(second)).toBe(true);
    expect(second).toHaveBeenCalledOnce();
    first.release();
    // The holder lost the lock as it worked: it stopped (see collector's cycle).
    expect(await running).toBe(false);
  });

  it('changes nothing when released while nobody holds it', async () => {
    install();
    const a = createLock('queue', 'tab-a');
    a.release();
    const run = vi.fn(async (ours: () => boolean) => void expect(ours()).toBe(true));
    expect(await a(run)).toBe(true);
    expect(run).toHaveBeenCalledOnce();
  });

  it('is held for as long as the holder works, however long', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearInterval', 'Date'] });
    install();
    const a = createLock('queue', 'tab-a');
    const b = createLock('queue', 'tab-b');
    const first = holder();
    const running = a(first.fn);
    await vi.advanceTimersByTimeAsync(60_000); // six lease lengths: the heartbeat renews it
    expect(await b(async () => {})).toBe(false);
    first.release();
    await running;
  });
});

describe('the localStorage lease', () => {
  beforeEach(removeWebLocks);
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('frees itself 10 s after its holder stopped renewing it (a closed tab)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    localStorage.setItem('queue:lease', `closed-tab|${Date.now() + 10_000}`);
    const b = createLock('queue', 'tab-b');
    const run = vi.fn(async () => {});
    expect(await b(run)).toBe(false);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(await b(run)).toBe(true);
    expect(run).toHaveBeenCalledOnce();
  });

  it("is not taken when another tab's write arrives just after this tab's (tabs in other processes)", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const a = createLock('queue', 'tab-a');
    const run = vi.fn(async () => {});
    const taking = a(run);
    expect(localStorage.getItem('queue:lease')).toMatch(/^tab-a\|/); // written, and read back as its own…
    localStorage.setItem('queue:lease', `tab-b|${Date.now() + 10_000}`); // …but tab B's write lands last
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(await taking).toBe(false);
    expect(run).not.toHaveBeenCalled();
    expect(localStorage.getItem('queue:lease')).toMatch(/^tab-b\|/);
  });

  it('lets go of a lease it is still confirming when its page goes: the next page need not wait for it to run out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const leaving = createLock('queue', 'leaving-page');
    const run = vi.fn(async () => {});
    const taking = leaving(run);
    expect(localStorage.getItem('queue:lease')).toMatch(/^leaving-page\|/); // taken, not confirmed yet
    leaving.release(); // pagehide
    expect(localStorage.getItem('queue:lease')).toBeNull();
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(await taking).toBe(false);
    expect(run).not.toHaveBeenCalled();
    const next = vi.fn(async () => {});
    const nextPage = createLock('queue', 'next-page')(next);
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(await nextPage).toBe(true);
    expect(next).toHaveBeenCalledOnce();
  });

  it('tells its holder to stop once another tab holds the lease, and leaves that lease alone', async () => {
    const a = createLock('queue', 'tab-a');
    const asked: boolean[] = [];
    const holding = a(async (ours) => {
      asked.push(ours());
      // A tab frozen past its lease woke up: another tab took the lease meanwhile.
      localStorage.setItem('queue:lease', `tab-b|${Date.now() + 10_000}`);
      asked.push(ours(), ours());
    });
    expect(await holding).toBe(false);
    expect(asked).toEqual([true, false, false]);
    expect(localStorage.getItem('queue:lease')).toMatch(/^tab-b\|/);
  });
});

describe('the tab lock where Web Locks refuse (sandboxed iframe)', () => {
  afterEach(() => localStorage.clear());

  it('falls back to the localStorage lease', async () => {
    const refusing = { request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')) } as unknown as LockManager;
    vi.spyOn(navigator, 'locks', 'get').mockReturnValue(refusing);
    const a = createLock('queue', 'tab-a');
    const b = createLock('queue', 'tab-b');
    const first = holder();
    const running = a(first.fn);
    await Promise.resolve();
    await Promise.resolve();
    expect(localStorage.getItem('queue:lease')).toMatch(/^tab-a\|/);
    expect(await b(async () => {})).toBe(false);
    first.release();
    expect(await running).toBe(true);
  });
});
