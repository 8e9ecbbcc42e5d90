import { consentState, currentUser, isLoaded, queueStats } from '../core/analytics.js';
import { storedConsent } from './consent-banner.js';
import { registerDebugSection } from './debug-sections.js';
import { clearDebugLog, debugEntries, onDebugEntry } from './debug-log.js';
import { element, escapeHtml } from './dom.js';

// The few properties worth a glance, in priority order; the full event is one click away.
const KEY_PROPS = ['product_id', 'price', 'quantity', 'position', 'list_id', 'query', 'step', 'order_id', 'total', 'coupon_id', 'path', 'name', 'value', 'text'];

function label(event) {
  if (!event) return ['?', ''];
  if (event.type === 'track') return ['track', event.event];
  if (event.type === 'page') return ['page', event.properties?.path ?? event.name ?? ''];
  if (event.type === 'identify') return ['identify', event.userId ?? ''];
  return [event.type, event.userId ?? ''];
}

function row(entry) {
  const [type, name] = label(entry.event);
  const props = entry.event?.properties ?? {};
  const keys = KEY_PROPS.filter((k) => props[k] !== undefined).slice(0, 4);
  const summary = entry.kind === 'drop' ? `dropped: ${entry.reason}` : keys.map((k) => `${k}=${JSON.stringify(props[k])}`).join(' ');
  const time = new Date(entry.at).toLocaleTimeString([], { hour12: false });
  return element(`<li data-kind="${entry.kind}" data-testid="debug-event"><details>
    <summary><time>${time}</time><span><span class="type">${type}</span><span class="name">${escapeHtml(name)}</span></span>
      ${summary ? `<span class="props">${escapeHtml(summary)}</span>` : ''}</summary>
    <pre>${escapeHtml(JSON.stringify(entry.event ?? entry, null, 2))}</pre></details></li>`);
}

function renderEvents(el) {
  el.innerHTML = `<p class="hint" data-empty>No events yet. Browse the shop — events appear as sightline sends them.</p>
    <ul class="debug-events" aria-live="off"></ul><p style="margin:8px 0 0"><button type="button" data-clear>Clear</button></p>`;
  const list = el.querySelector('ul');
  const empty = el.querySelector('[data-empty]');
  const show = () => { empty.hidden = list.children.length > 0; };
  for (const entry of debugEntries()) list.append(row(entry));
  show();
  el.querySelector('[data-clear]').addEventListener('click', () => { clearDebugLog(); list.replaceChildren(); show(); });
  return onDebugEntry((entry) => { list.prepend(row(entry)); show(); });
}

function renderQueue(el) {
  const stats = queueStats();
  if (!stats) {
    el.innerHTML = `<p class="hint">${isLoaded() ? 'No delivery plugin reports stats.' : 'Waiting for the SDK to load…'}</p>`;
    return;
  }
  const dropped = Object.values(stats.dropped ?? {}).reduce((a, b) => a + b, 0);
  const cells = [['queued', stats.queued], ['in flight', stats.inFlight], ['sent', stats.sent], ['retried', stats.retried], ['dropped', dropped]];
  el.innerHTML = `<div class="stat-grid">${cells.map(([name, value]) =>
    `<div class="stat" data-testid="debug-stat-${name.replace(' ', '-')}"><b>${value}</b><span>${name}</span></div>`).join('')}</div>
    ${dropped ? `<p class="hint">dropped: ${escapeHtml(JSON.stringify(stats.dropped))}</p>` : ''}`;
}

function renderConsent(el) {
  const state = consentState();
  const stored = storedConsent();
  const user = currentUser();
  const chips = state
    ? Object.entries(state).map(([k, v]) => `<span class="${v ? 'chip-on' : 'chip-off'}">${k}</span>`).join('')
    : '<span class="hint">SDK not loaded yet</span>';
  el.innerHTML = `<div class="chips" data-testid="debug-consent">${chips}</div>
    <dl class="kv" style="margin-top:8px"><dt>shopper choice</dt><dd>${escapeHtml(stored?.choice ?? 'not chosen yet')}</dd>
    <dt>anonymousId</dt><dd>${escapeHtml(user?.anonymousId ?? '—')}</dd><dt>userId</dt><dd>${escapeHtml(user?.userId ?? '—')}</dd></dl>`;
}

/** Registers the panel's own sections: events, delivery queue, consent & identity. */
export function registerBuiltinSections() {
  registerDebugSection({ id: 'events', title: 'Events', order: 10, render: renderEvents });
  registerDebugSection({ id: 'queue', title: 'Delivery queue', order: 20, refreshMs: 1000, render: renderQueue });
  registerDebugSection({ id: 'consent', title: 'Consent & identity', order: 30, refreshMs: 1000, render: renderConsent });
}
