/** What the storefront writes into the `<script>` tag that loads sightline. */
export interface SnippetOptions {
  collectorUrl: string;
  writeKey: string;
  consent: 'denied' | 'granted';
  debug: boolean;
  autocapture: string;
}

// The documented script-tag stub (docs/getting-started.md): records calls until the SDK loads.
const STUB = `!function(w,n){var s=w[n]=w[n]||[];if(s.invoked)return;s.invoked=1;s.q=[];var r=function(m){return function(){s.q.push([m,[].slice.call(arguments)]);return /^on/.test(m)?function(){}:/^(flush|use|ready)$/.test(m)?Promise.resolve():void 0}};['track','page','identify','alias','reset','flush','on','onError','use','ready'].forEach(function(m){s[m]=r(m)});s.consent={update:r('consent.update')};if(w.Proxy)s.commerce=new Proxy({},{get:function(t,k){if(typeof k=='string')return r('commerce.'+k)}})}(window,'sightline');`;

// The shop remembers the shopper's consent choice; re-applying it first thing means it is
// the first call the SDK replays, before any page view or track call.
const RESTORE_CONSENT = `try{var c=JSON.parse(localStorage.getItem('shop_consent')||'null');if(c&&c.categories)sightline.consent.update(c.categories)}catch(e){}`;

// The debug panel's event log subscribes here, before the SDK can load: the async SDK file
// often runs before the page's deferred modules, and the first page view would be missed.
const EARLY_LOG = `(function(l){['event','drop'].forEach(function(k){sightline.on(k,function(p){l.sink?l.sink(k,p):l.early.push([k,Date.now(),p])})})})(window.shopDebugLog={early:[],sink:null});`;

/** Escapes a value for a double-quoted HTML attribute. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The stub, the consent restore and the async SDK tag, as pasted into a page's `<head>`. */
export function scriptTagSnippet(options: SnippetOptions): string {
  return [
    `<script>${STUB}</script>`,
    `<script>${RESTORE_CONSENT}${EARLY_LOG}</script>`,
    `<script async src="/sdk/sightline.iife.js" data-endpoint="${attr(options.collectorUrl)}" data-write-key="${attr(options.writeKey)}"`
      + ` data-format="segment" data-consent="${options.consent}" data-debug="${options.debug}" data-autocapture="${attr(options.autocapture)}"></script>`,
  ].join('\n  ');
}

/** The shop's runtime config as an ES module (`/config.js`), for the ESM page. */
export function configModule(options: SnippetOptions): string {
  return `export default ${JSON.stringify({ collectorUrl: options.collectorUrl, writeKey: options.writeKey, consent: options.consent, debug: options.debug, format: 'segment' })};\n`;
}
