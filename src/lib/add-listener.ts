/** Options of {@link addListener}; listeners are passive unless said otherwise. */
export interface ListenerOptions {
  capture?: boolean;
  passive?: boolean;
  once?: boolean;
}

/**
 * Adds an event listener and returns the function that removes it, so every
 * listener the SDK adds can be taken back (client.destroy()).
 *
 * Passive by default: the SDK must never delay scrolling or input on the host page.
 */
export const addListener = <E extends Event = Event>(
  target: EventTarget | undefined | null,
  type: string,
  listener: (event: E) => void,
  options: ListenerOptions = {},
): () => void => {
  if (!target || typeof target.addEventListener !== 'function') return () => {};
  const opts = { passive: true, ...options };
  const fn = listener as EventListener;
  target.addEventListener(type, fn, opts);
  return () => target.removeEventListener(type, fn, opts);
};
