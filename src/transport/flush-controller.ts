import type { FlushReason } from '../types';

/** Decides *when* to send; the collector decides how. */
export interface FlushController {
  /** Events were stored: flush on count or bytes, else arm the timer. */
  stored(events: number, bytes: number): void;
  /** Flush on the timer (the tab lock was busy: try again later). */
  arm(): void;
  /** A send failed: flush('retry') after `delayMs`; count, bytes and timer flushes wait for it. */
  backoff(delayMs: number): void;
  /** A send succeeded, or the network came back: no more waiting. */
  resume(): void;
  /** Whether a retry is pending. */
  backingOff(): boolean;
  stop(): void;
}

/** Limits of {@link createFlushController}. */
export interface FlushLimits {
  maxEvents: number;
  maxBytes: number;
  intervalMs: number;
}

/**
 * Counts the events and bytes stored since the last flush, incrementally, and names the
 * reason of every flush it asks for: `count`, `bytes`, `timer` or `retry`
 * (the model: DataDog browser-sdk's flushController).
 */
export function createFlushController(limits: FlushLimits, flush: (reason: FlushReason) => void): FlushController {
  let events = 0;
  let bytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const fire = (reason: FlushReason): void => {
    events = bytes = 0;
    clearTimeout(timer);
    timer = undefined;
    flush(reason);
  };
  const arm = (): void => {
    timer ??= setTimeout(() => fire('timer'), limits.intervalMs);
  };

  return {
    stored(n, b) {
      events += n;
      bytes += b;
      if (retry) return; // the retry will send these too
      if (events >= limits.maxEvents) fire('count');
      else if (bytes >= limits.maxBytes) fire('bytes');
      else arm();
    },
    arm,
    backoff(delayMs) {
      clearTimeout(timer);
      clearTimeout(retry);
      timer = undefined;
      retry = setTimeout(() => {
        retry = undefined;
        fire('retry');
      }, delayMs);
    },
    resume() {
      clearTimeout(retry);
      retry = undefined;
    },
    backingOff: () => !!retry,
    stop() {
      clearTimeout(timer);
      clearTimeout(retry);
    },
  };
}
