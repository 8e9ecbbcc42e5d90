// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSightline } from '../../src/core';
import { memoryDestination } from '../utils/core-harness';

describe('in Node, without a DOM', () => {
  it('makes events without page context and throws nothing', async () => {
    const destination = memoryDestination();
    const errors: unknown[] = [];
    const client = createSightline({ plugins: [destination], onError: (e) => errors.push(e) });
    client.track('Server Side', { ok: true });
    client.page('Home');
    client.identify('u1', { plan: 'gold' });
    client.reset();
    await client.flush();
    expect(destination.events).toHaveLength(3);
    expect(destination.events[0]!.context.page).toBeUndefined();
    expect(destination.events[0]!.context.library.name).toBe('sightline');
    expect(errors).toEqual([]);
  });

  it('keeps the identity in memory', async () => {
    const client = createSightline({});
    const { anonymousId } = client.user();
    client.identify('u1');
    expect(client.user()).toMatchObject({ anonymousId, userId: 'u1' });
    await client.destroy();
  });
});
