/** Runs a function in a later task, at most once per task however often it is asked. */
export interface NextTask {
  schedule(): void;
  /** Lets the channel go (client.destroy()). */
  stop(): void;
}

/**
 * Calls `fn` in the next task. A MessageChannel message is a task that timer clamping
 * and background-tab throttling do not delay; setTimeout(0) is the fallback.
 */
export function nextTask(fn: () => void): NextTask {
  let scheduled = false;
  let channel: MessageChannel | undefined;
  const run = (): void => {
    scheduled = false;
    fn();
  };
  return {
    schedule() {
      if (scheduled) return;
      scheduled = true;
      if (typeof MessageChannel !== 'function') return void setTimeout(run, 0);
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = run;
        // Node (tests, SSR) would otherwise stay alive for this port.
        (channel.port1 as { unref?(): void }).unref?.();
      }
      channel.port2.postMessage(0);
    },
    stop: () => channel?.port1.close(),
  };
}
