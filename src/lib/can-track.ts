import type { SightlineClient } from '../types';

/**
 * Whether `x` can take a `track` call: the helpers that take a client from the page
 * (`window.sightline` before the script tag loaded, say) do nothing rather than throw
 * into the page's own handler when it cannot.
 */
export const canTrack = (x: unknown): x is Pick<SightlineClient, 'track'> => typeof Object(x).track == 'function';
