// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from './utils/harness';

describe('GET / (dashboard)', () => {
  let collector: TestCollector;
  let res: Response;
  let html: string;
  beforeAll(async () => {
    collector = await startTestCollector();
    res = await fetch(`${collector.url}/`);
    html = await res.text();
  });
  afterAll(() => collector.stop());

  it('serves one HTML page', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toMatch(/^<!doctype html>/i);
  });

  it('loads nothing from another origin', () => {
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('reads the live stream and the read API of its own origin', () => {
    expect(html).toContain("new EventSource('/api/stream')");
    expect(html).toContain("fetch('/api/stats'");
    expect(html).toContain("fetch('/api/events?limit=200'");
  });
});
