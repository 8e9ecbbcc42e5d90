import type { ErrorReport } from '../types';

/**
 * Loads add-on files (e.g. `sightline-vitals.iife.js`) from the same folder as the script
 * that loaded sightline — never from a third-party origin. Async and after boot, so they
 * never delay the page; each add-on registers itself through `window.sightline.ready`.
 */
export const loadAddons = (
  doc: Document,
  own: HTMLOrSVGScriptElement | null,
  files: string[],
  report: (error: ErrorReport) => void,
): void => {
  const base = own && 'src' in own ? own.src : '';
  if (!files.length) return;
  if (!base) {
    report({ code: 'browser/addon-failed', message: 'Cannot locate the sightline script to load add-ons beside it', source: 'sdk', detail: { files } });
    return;
  }
  for (const file of files) {
    const script = doc.createElement('script');
    script.async = true;
    script.src = new URL(file, base).href;
    script.onerror = () => report({ code: 'browser/addon-failed', message: `Could not load ${file}`, source: 'network', detail: { file } });
    (doc.head || doc.documentElement).appendChild(script);
  }
};
