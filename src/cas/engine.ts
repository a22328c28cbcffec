// Loads nerdamer-prime lazily (about 50-70 ms, paid only by commands that do algebra) and runs one
// call under a time limit: nerdamer's own TIMEOUT plus our deadline check. Its exceptions become
// diagnostics here (timeout EB4003, anything else EB4002); none escapes, and its text never reaches the user.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';

export type Nerdamer = typeof import('nerdamer-prime');

let loading: Promise<Nerdamer> | undefined;
let loaded: Nerdamer | undefined;

export function loadNerdamer(): Promise<Nerdamer> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('nerdamer-prime').then((m) => {
    loaded = m.default;
    return loaded;
  });
  return loading;
}

/** True once nerdamer-prime has been imported (commands without algebra never import it). */
export function isNerdamerLoaded(): boolean {
  return loaded !== undefined;
}

/** What went wrong inside nerdamer, kept for tests and debugging; never printed to the user. */
export interface CasFailure {
  readonly kind: 'timeout' | 'exception';
  readonly detail: string;
}

export const lastFailure: { value?: CasFailure } = {};

/**
 * Runs `call` with nerdamer's TIMEOUT set to `timeoutMs`. nerdamer is synchronous, so a call that
 * does not reach one of its own timeout checks cannot be interrupted: callers guard input size first.
 * A call that returns after the deadline is treated as timed out as well.
 */
export function runNerdamer(n: Nerdamer, what: string, timeoutMs: number, call: (n: Nerdamer) => string): Result<string> {
  n.set('TIMEOUT', Math.max(1, Math.floor(timeoutMs)));
  const start = performance.now();
  try {
    const text = call(n);
    const elapsed = performance.now() - start;
    if (elapsed > timeoutMs * 1.5 + 50) {
      lastFailure.value = { kind: 'timeout', detail: `returned after ${elapsed.toFixed(0)} ms` };
      return fail(error('EB4003', `${what} took ${elapsed.toFixed(0)} ms, beyond its limit of ${timeoutMs} ms; the result is not used`));
    }
    return ok(text);
  } catch (x) {
    const message = x instanceof Error ? x.message : String(x);
    const name = x instanceof Error ? x.constructor.name : typeof x;
    if (message === 'timeout') {
      lastFailure.value = { kind: 'timeout', detail: message };
      return fail(error('EB4003', `${what} exceeded its time limit of ${timeoutMs} ms`));
    }
    lastFailure.value = { kind: 'exception', detail: `${name}: ${message}` };
    return fail(error('EB4002', `the CAS could not ${what}`));
  } finally {
    // nerdamer keeps every parsed expression in a global list: drop them.
    try {
      n.flush();
    } catch {
      // flush never throws in practice; a failure here must not mask the result.
    }
  }
}
