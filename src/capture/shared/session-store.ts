import { readStorage, writeStorage } from '../../storage/web-storage';
import type { Scope } from './scope';
import { SESSION_TTL_MS } from '../constants';

interface Stored<T> {
  v: T;
  /** Expiry, ms since epoch. */
  e: number;
}

/** A session-scoped value of one capture plugin. */
export interface SessionStore<T> {
  /** The value, or undefined when missing, expired or corrupt. */
  read(): T | undefined;
  /** Stores the value now if analytics consent is granted, else when it is. */
  write(value: T): void;
}

/**
 * Session-scoped values for capture plugins (campaign source, commerce journey), through
 * storage/ (the only code touching Web Storage): JSON under `<prefix>_<name>` with a
 * sliding 30-minute expiry; blocked or full storage is ignored. Consent rules: nothing is
 * written while analytics consent is denied (the last value waits in memory for a grant),
 * and the key is deleted when consent is withdrawn.
 */
export const sessionStore = <T,>(scope: Scope, name: string): SessionStore<T> => {
  const { client } = scope;
  const key = `${(client.options.identity || {}).storagePrefix || 'sl'}_${name}`;
  let waiting: T | undefined;
  const store = (value: T): void => {
    // Plain data the plugins built (strings, numbers): JSON.stringify cannot throw on it.
    writeStorage(key, JSON.stringify({ v: value, e: Date.now() + SESSION_TTL_MS } satisfies Stored<T>));
  };
  scope.add(
    client.on(
      'consent',
      scope.safe((state: { analytics: boolean }) => {
        if (!state.analytics) return writeStorage(key, null);
        if (waiting !== undefined) store(waiting);
        waiting = undefined;
      }),
    ),
  );
  return {
    read() {
      // Nothing stored (JSON.parse(null) is null), or what another script wrote and does not
      // parse: as if nothing were stored.
      try {
        const stored = JSON.parse(readStorage(key)!) as Stored<T> | null;
        if (stored && stored.e > Date.now()) return stored.v;
        // Expired: undefined, as for nothing stored.
      } catch {
        // Unparsable: undefined too.
      }
    },
    write(value) {
      if (client.consent.get().analytics) store(value);
      else waiting = value;
    },
  };
};
