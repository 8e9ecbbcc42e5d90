import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureFor } from '../../src/browser/capture-set';
import { loadAddons } from '../../src/browser/load-addons';

afterEach(() => {
  document.head.innerHTML = '';
  delete (window as unknown as Record<string, unknown>).sightline;
  delete (window as unknown as Record<string, unknown>).__sightlineVitals;
  delete (window as unknown as Record<string, unknown>).__sightlineErrors;
  vi.resetModules();
});

describe('captureFor', () => {
  it('starts autocapture()’s default plugins for "all" and loads vitals as an add-on', () => {
    const { plugins, addons } = captureFor(['all']);
    expect(plugins.map((p) => p.name)).toHaveLength(6);
    expect(addons).toEqual(['sightline-vitals.iife.js']);
  });

  it('starts only the listed plugins, loads listed add-ons, and ignores unknown names', () => {
    const { plugins, addons } = captureFor(['clicks', 'errors', 'teleport']);
    expect(plugins.map((p) => p.name)).toHaveLength(1);
    expect(addons).toEqual(['sightline-errors.iife.js']);
  });

  it.each([[['none']], [['']]])('starts nothing for %j, which names no plugin', (names) => {
    expect(captureFor(names)).toEqual({ plugins: [], addons: [] });
  });

  it('adds the other names to "all": "all,errors" is everything, the opt-in errors too', () => {
    const all = captureFor(['all']);
    const withErrors = captureFor(['all', 'errors']);
    expect(withErrors.plugins.map((p) => p.name)).toEqual(all.plugins.map((p) => p.name));
    expect(withErrors.addons).toEqual([...all.addons, 'sightline-errors.iife.js']);
    expect(captureFor(['all', 'clicks']).plugins.map((p) => p.name)).toEqual(all.plugins.map((p) => p.name));
  });
});

describe('loadAddons', () => {
  it('loads each add-on async from the folder of the sightline script, not another origin', () => {
    const own = document.createElement('script');
    own.src = 'https://shop.example/static/js/sightline.iife.js';
    loadAddons(document, own, ['sightline-vitals.iife.js'], () => {});
    const added = document.head.querySelector('script')!;
    expect(added.src).toBe('https://shop.example/static/js/sightline-vitals.iife.js');
    expect(added.async).toBe(true);
  });

  it('reports each add-on as failed, and throws nothing, when the sightline script has no folder (a blob: or data: URL)', () => {
    const own = document.createElement('script');
    own.src = 'blob:https://shop.example/5f1c2a3e-0b7d-4c1e-9a52-3d6f1e2b4c5a';
    const reports: Array<{ code: string; detail?: unknown }> = [];
    expect(() => loadAddons(document, own, ['sightline-vitals.iife.js', 'sightline-errors.iife.js'], (error) => reports.push(error))).not.toThrow();
    expect(reports.map((r) => [r.code, r.detail])).toEqual([
      ['browser/addon-failed', { file: 'sightline-vitals.iife.js' }],
      ['browser/addon-failed', { file: 'sightline-errors.iife.js' }],
    ]);
    expect(document.head.querySelector('script')).toBeNull();
  });

  describe('on a page that enforces Trusted Types', () => {
    /** Script URLs as the browser then requires them: only from a policy, never a plain string. */
    class TrustedScriptURL {
      constructor(readonly url: string) {}
      toString(): string {
        return this.url;
      }
    }
    const enforce = (createPolicy: (name: string, rules: { createScriptURL(url: string): string }) => unknown) => {
      const { set } = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')!;
      vi.spyOn(HTMLScriptElement.prototype, 'src', 'set').mockImplementation(function (this: HTMLScriptElement, value: unknown) {
        if (!(value instanceof TrustedScriptURL)) throw new TypeError("This document requires 'TrustedScriptURL' assignment.");
        set!.call(this, String(value));
      });
      vi.stubGlobal('trustedTypes', { createPolicy: vi.fn(createPolicy) });
      return (globalThis as unknown as { trustedTypes: { createPolicy: ReturnType<typeof vi.fn> } }).trustedTypes.createPolicy;
    };
    const own = Object.assign(document.createElement('script'), { src: 'https://shop.example/js/sightline.iife.js' });

    it('loads each add-on through one policy named "sightline"', () => {
      const createPolicy = enforce((_name, rules) => ({ createScriptURL: (url: string) => new TrustedScriptURL(rules.createScriptURL(url)) }));
      const report = vi.fn();
      loadAddons(document, own, ['sightline-vitals.iife.js', 'sightline-errors.iife.js'], report);
      expect([...document.head.querySelectorAll('script')].map((s) => s.src)).toEqual([
        'https://shop.example/js/sightline-vitals.iife.js',
        'https://shop.example/js/sightline-errors.iife.js',
      ]);
      expect(createPolicy.mock.calls.map(([name]) => name)).toEqual(['sightline']);
      expect(report).not.toHaveBeenCalled();
    });

    it('reports each add-on it cannot load, without throwing, where the page allows no policy of that name', () => {
      enforce(() => {
        throw new TypeError('Failed to execute createPolicy: Policy "sightline" disallowed.');
      });
      const report = vi.fn();
      expect(() => loadAddons(document, own, ['sightline-vitals.iife.js', 'sightline-errors.iife.js'], report)).not.toThrow();
      expect(report.mock.calls.map(([error]) => [error.code, error.detail])).toEqual([
        ['browser/addon-failed', { file: 'sightline-vitals.iife.js' }],
        ['browser/addon-failed', { file: 'sightline-errors.iife.js' }],
      ]);
      expect(document.head.querySelector('script')).toBeNull();
    });
  });

  it('reports instead of guessing when the sightline script cannot be found', () => {
    const report = vi.fn();
    loadAddons(document, null, ['sightline-vitals.iife.js'], report);
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ code: 'browser/addon-failed' }));
    expect(document.head.querySelector('script')).toBeNull();
  });
});

// Each add-on file registers its plugin with the client the script tag loaded, once.
describe.each([
  ['errors', () => import('../../src/browser/errors-addon'), 'error'],
  ['vitals', () => import('../../src/browser/vitals-addon'), 'vitals'],
])('the %s add-on', (_name, load, plugin) => {
  it('registers its plugin once with the loaded client, even if the file runs twice', async () => {
    const use = vi.fn(async (_plugin: { name: string }) => {});
    (window as unknown as Record<string, unknown>).sightline = { ready: (fn: (c: unknown) => void) => fn({ use }) };
    await load();
    vi.resetModules();
    await load();
    expect(use).toHaveBeenCalledTimes(1);
    expect(use.mock.calls[0]![0]).toMatchObject({ name: expect.stringContaining(plugin) });
  });

  it('does nothing when sightline is not on the page', async () => {
    await expect(load()).resolves.toBeDefined();
  });
});
