import type { ErrorReport } from '../types';

/** The part of the Trusted Types API the loader uses. */
type ScriptUrlPolicy = { createScriptURL(url: string): unknown };

/**
 * Loads add-on files (e.g. `sightline-vitals.iife.js`) from the same folder as the script
 * that loaded sightline — never from a third-party origin. Async and after boot, so they
 * never delay the page; each add-on registers itself through `window.sightline.ready`.
 *
 * A page that enforces Trusted Types (`require-trusted-types-for 'script'`) refuses a plain
 * string as a script's `src`. There the loader creates the policy `sightline` (kept to
 * itself) for the add-on URLs built here; a page whose `trusted-types` directive does not
 * allow that name gets `browser/addon-failed` for each add-on, and everything else works.
 */
export const loadAddons = (
  doc: Document,
  own: HTMLOrSVGScriptElement | null,
  files: string[],
  report: (error: ErrorReport) => void,
): void => {
  const base = own && (own as HTMLScriptElement).src;
  const fail = (message: string, source: ErrorReport['source'], detail: Record<string, unknown>): void =>
    report({ code: 'browser/addon-failed', message, source, detail });
  // Without files nothing is needed: neither the folder nor the loop below.
  if (files.length && !base) return fail('Cannot locate the sightline script to load add-ons beside it', 'sdk', { files });
  let policy: ScriptUrlPolicy | undefined;
  for (const file of files) {
    const script = doc.createElement('script');
    script.async = true;
    script.onerror = () => fail(`Could not load ${file}`, 'network', { file });
    try {
      // Throws where the script's own URL has no folder to resolve against (blob:, data:).
      const url = new URL(file, base as string).href;
      try {
        script.src = url;
      } catch {
        // The policy object stays in this closure: no other script can pass a URL through it.
        policy ||= (globalThis as unknown as { trustedTypes: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy } }).trustedTypes.createPolicy('sightline', {
          createScriptURL: (u) => u,
        });
        script.src = policy.createScriptURL(url) as string;
      }
      (doc.head || doc.documentElement).appendChild(script);
    } catch (error) {
      fail(`Could not load ${file}: ${String(error)}`, 'sdk', { file });
    }
  }
};
