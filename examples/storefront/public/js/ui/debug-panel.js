import { isLoaded } from '../core/analytics.js';
import { readJson, remove, writeJson } from '../core/store.js';
import { registerBuiltinSections } from './debug-builtins.js';
import { startDebugLog, setPersistent } from './debug-log.js';
import { debugSections, registerDebugSection, reservePlaceholders, watchDebugSections } from './debug-sections.js';
import { element, escapeHtml } from './dom.js';

/**
 * The QA debug panel: toggled with the backtick key or `?debug=1` (`?debug=0` turns it
 * off), remembered for the tab in sessionStorage as `shop_debug`.
 */
const KEY = 'debug';
let panel = null;
let cleanups = [];

function typingIn(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function stopSections() {
  for (const fn of cleanups) fn();
  cleanups = [];
}

function renderSections() {
  stopSections();
  const body = panel.querySelector('.debug__body');
  body.replaceChildren();
  for (const section of debugSections()) {
    const node = element(`<section class="debug-section" data-section="${escapeHtml(section.id)}" data-placeholder="${Boolean(section.placeholder)}">
      <h3>${escapeHtml(section.title)}</h3><div class="debug-section__content"></div></section>`);
    body.append(node);
    const content = node.querySelector('.debug-section__content');
    let cleanup = null;
    const draw = () => {
      try {
        if (typeof cleanup === 'function') cleanup();
        cleanup = section.render(content);
      } catch (error) {
        content.textContent = `section failed: ${error?.message ?? error}`;
      }
    };
    draw();
    const timer = section.refreshMs ? setInterval(draw, section.refreshMs) : null;
    cleanups.push(() => { clearInterval(timer); if (typeof cleanup === 'function') cleanup(); });
  }
}

function setOpen(open) {
  if (open) writeJson(KEY, 1, 'session');
  else remove(KEY, 'session');
  setPersistent(open);
  panel.hidden = !open;
  document.body.classList.toggle('has-debug', open);
  if (open) refreshStatus();
  if (open) renderSections();
  else stopSections();
}

function build() {
  panel = element(`<aside class="debug" hidden aria-label="sightline debug panel" data-testid="debug-panel">
    <div class="debug__head"><h2>sightline · debug</h2><span class="debug__status" data-testid="debug-status">stub</span>
      <button type="button" data-close aria-label="Close debug panel">Close ✕</button></div>
    <div class="debug__body"></div></aside>`);
  panel.querySelector('[data-close]').addEventListener('click', () => setOpen(false));
  document.body.append(panel);
  setInterval(refreshStatus, 500);
}

// Touch the DOM only when something changed and the panel shows: needless mutations would
// hide the shop's dead clicks from the SDK (it reports a click only if nothing changed).
function refreshStatus() {
  const status = panel.querySelector('.debug__status');
  const live = isLoaded();
  if (panel.hidden || status.dataset.live === String(live)) return;
  status.dataset.live = String(live);
  status.textContent = live ? 'SDK live' : 'waiting for SDK';
}

/** Mounts the panel (closed unless remembered or asked for in the URL) and its key binding. */
export function mountDebugPanel() {
  const param = new URLSearchParams(location.search).get('debug');
  if (param === '1') writeJson(KEY, 1, 'session');
  if (param === '0') remove(KEY, 'session');
  const open = readJson(KEY, 0, 'session') === 1;
  startDebugLog({ persistent: open });
  registerBuiltinSections();
  reservePlaceholders();
  window.shopDebug = { register: registerDebugSection };
  build();
  watchDebugSections(() => { if (!panel.hidden) renderSections(); });
  document.addEventListener('keydown', (e) => {
    if (e.key === '`' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target)) setOpen(panel.hidden);
  });
  if (open) setOpen(true);
}
