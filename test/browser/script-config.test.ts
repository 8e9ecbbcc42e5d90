import { describe, expect, it } from 'vitest';
import { findOwnScript, readScriptConfig } from '../../src/browser/script-config';

function scriptWith(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

describe('readScriptConfig', () => {
  it('reads endpoint, write key, format and debug from data-* attributes', () => {
    const config = readScriptConfig(
      scriptWith({ 'data-endpoint': 'https://c.example', 'data-write-key': 'wk', 'data-format': 'segment', 'data-debug': 'true' }),
    );
    expect(config).toMatchObject({ endpoint: 'https://c.example', format: 'segment', options: { writeKey: 'wk', debug: true } });
  });

  it('defaults to autocapture of everything, granted consent and no debug', () => {
    expect(readScriptConfig(scriptWith({}))).toEqual({
      endpoint: undefined,
      format: undefined,
      autocapture: ['all'],
      options: {
        writeKey: undefined,
        debug: false,
        consent: { default: undefined, honorGlobalPrivacyControl: false, honorDoNotTrack: false },
        identity: { cookieDomain: undefined },
      },
    });
  });

  it('turns data-consent="denied" and the GPC/DNT switches into consent options', () => {
    const config = readScriptConfig(scriptWith({ 'data-consent': 'denied', 'data-honor-gpc': 'true', 'data-honor-dnt': '1' }));
    expect(config.options.consent).toEqual({ default: 'denied', honorGlobalPrivacyControl: true, honorDoNotTrack: true });
  });

  it('passes the format on as written, for the collector to check', () => {
    expect(readScriptConfig(scriptWith({ 'data-format': 'xml' })).format).toBe('xml');
  });

  it('leaves consent granted for any data-consent but "denied"', () => {
    const config = readScriptConfig(scriptWith({ 'data-consent': 'maybe' }));
    expect(config.options.consent.default).not.toBe('denied');
  });

  it.each([
    ['all', ['all']],
    ['none', ['none']],
    [' all ', ['all']],
    ['pageviews, clicks,,forms', ['pageviews', 'clicks', '', 'forms']],
  ])('reads data-autocapture="%s" as a list of trimmed names', (value, expected) => {
    expect(readScriptConfig(scriptWith({ 'data-autocapture': value })).autocapture).toEqual(expected);
  });

  it.each(['false', '0', 'no', 'off'])('treats data-debug="%s" as off', (value) => {
    expect(readScriptConfig(scriptWith({ 'data-debug': value })).options.debug).toBe(false);
  });

  it('works without a script element (an unusual loader)', () => {
    expect(readScriptConfig(null).autocapture).toEqual(['all']);
  });
});

describe('findOwnScript', () => {
  it('falls back to the sightline script tag that carries data-endpoint', () => {
    const script = scriptWith({ src: '/js/sightline.iife.js', 'data-endpoint': 'https://c.example' });
    document.head.append(script);
    expect(findOwnScript(document)).toBe(script);
    script.remove();
  });

  it('finds the sightline script by its file name when it has no data-endpoint', () => {
    const other = scriptWith({ src: '/js/app.js' });
    const script = scriptWith({ src: '/js/sightline.iife.js', 'data-autocapture': 'none' });
    document.head.append(other, script);
    expect(findOwnScript(document)).toBe(script);
    other.remove();
    script.remove();
  });
});
