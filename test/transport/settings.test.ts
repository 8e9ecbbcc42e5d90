import { describe, expect, it } from 'vitest';
import { defaultSettings, readSettings } from '../../src/transport/settings';

// The script tag's collector runs on defaultSettings, every other collector on what
// readSettings makes of its options: with none but an endpoint, the two must agree.
describe('collector settings', () => {
  it('are the defaults when only an endpoint is given', () => {
    expect(readSettings({ endpoint: 'https://c.example/e' })).toEqual(defaultSettings('https://c.example/e', 'native', []));
  });

  it('keep the format given, and the defaults beside it', () => {
    expect(readSettings({ endpoint: 'https://c.example', format: 'segment' })).toEqual(defaultSettings('https://c.example', 'segment', []));
  });

  it('take the default for an option that cannot be used, and name it', () => {
    const settings = readSettings({ endpoint: 'https://c.example', format: 'xml' as never, batch: { maxEvents: 0 } });
    expect(settings).toEqual(defaultSettings('https://c.example', 'native', ['batch.maxEvents', 'format']));
  });
});
