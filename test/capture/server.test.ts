// @vitest-environment node
// On a server (SSR) there is no DOM: every plugin sets up and tears down without touching
// window or document, and without throwing.
import { describe, expect, it } from 'vitest';
import { autocapture, errors } from '../../src/capture';
import { createFakeClient } from '../utils/capture-client';

describe('capture without a DOM', () => {
  it('sets up and tears down every plugin without errors', async () => {
    expect(typeof window).toBe('undefined');
    const client = createFakeClient();
    for (const plugin of [...autocapture(), errors()]) await client.use(plugin);
    client.track('Server Event');
    await client.destroy();
    expect(client.errors).toEqual([]);
    expect(client.events).toHaveLength(1);
  });
});
