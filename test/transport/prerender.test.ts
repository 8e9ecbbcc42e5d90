import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SightlineEvent } from '../../src/types';
import { useTransportCollector } from '../utils/transport-collector';
import { settle, useTransportSpec } from '../utils/transport-clock';
import { dispatchPageHide, spyOnBeacon } from '../utils/transport-page';
import { freshQueue, openTab } from '../utils/transport-tab';
import { savedIn } from '../utils/transport-store';

// Chromium prerenders pages the shop's Speculation Rules name, before the shopper opens
// them, and may throw them away unseen. (Playwright cannot drive a prerender: Chromium
// turns prerendering off while DevTools is attached, so this is specified here.)
const collector = useTransportCollector();

/** Names of the IndexedDB databases that exist (opening one creates it). */
const databases = async (): Promise<string[]> => (await indexedDB.databases()).map((d) => d.name ?? '');

const prerendering = (on: boolean): void => {
  Object.defineProperty(document, 'prerendering', { value: on, configurable: true });
};

describe('a page the browser prerenders', () => {
  useTransportSpec();
  afterEach(() => {
    delete (document as { prerendering?: boolean }).prerendering;
  });

  it('stores and sends nothing until the shopper opens it, then delivers what it tracked', async () => {
    prerendering(true);
    const name = freshQueue();
    const tab = await openTab({ queue: { name } });
    tab.track('Product Viewed');
    await tab.flush();
    expect(collector.received).toHaveLength(0);
    expect(await databases()).not.toContain(name);
    expect(tab.plugin.stats().queued).toBe(1); // in memory

    prerendering(false); // activated: the shopper followed the link
    document.dispatchEvent(new Event('prerenderingchange'));
    await settle();
    await tab.flush();
    expect(collector.names()).toEqual(['Product Viewed']);
    await tab.destroy();
  });

  it('sends what it tracked with the time the shopper opened it, after what they did on the page before', async () => {
    prerendering(true);
    const name = freshQueue();
    const tab = await openTab({ queue: { name } });
    const seen: SightlineEvent[] = []; // what another destination (the debug panel, say) is handed
    await tab.client.use({ name: 'spy', destination: (event) => void seen.push(event) });
    tab.track('Product Viewed'); // the prerender's page view
    await settle();
    const prerendered = seen[0]!.timestamp;

    vi.advanceTimersByTime(60_000); // the shopper clicks the link a minute later
    const opened = new Date().toISOString();
    prerendering(false);
    document.dispatchEvent(new Event('prerenderingchange'));
    await settle();
    await tab.flush();

    const [sent] = collector.received.flatMap((r) => r.body.batch);
    expect(sent).toMatchObject({ event: 'Product Viewed', messageId: seen[0]!.messageId, timestamp: opened });
    expect(Date.parse(sent!.timestamp)).toBeGreaterThan(Date.parse(prerendered));
    expect(seen[0]!.timestamp).toBe(prerendered); // what other plugins were handed is theirs, unchanged
    await tab.destroy();
  });

  it('leaves nothing behind when it is thrown away unseen', async () => {
    prerendering(true);
    const name = freshQueue();
    const beacon = spyOnBeacon();
    const tab = await openTab({ queue: { name } });
    tab.track('Product Viewed');
    dispatchPageHide();
    await settle();
    await tab.destroy();
    expect(beacon.calls).toHaveLength(0);
    expect(collector.received).toHaveLength(0);
    expect(savedIn(name)).toEqual([]);
    expect(await databases()).not.toContain(name);
  });
});
