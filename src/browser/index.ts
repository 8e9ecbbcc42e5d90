// The script-tag entry (dist/sightline.iife.js): the only module in sightline that runs
// code at load. Everything it does is guarded: a failure here must never break the page.
import { boot } from './boot';

try {
  if (typeof window !== 'undefined') boot(window);
} catch (error) {
  // Nothing is set up to report to yet; stay silent unless the page asked for debug output.
  if (typeof console !== 'undefined' && /[?&]sl_debug=1/.test(Object(window.location).search)) {
    console.warn('[sightline] failed to start', error);
  }
}
