// log 2, log 3, log 5 and log 7 in fixed point, from MPFR's correctly rounded logarithm, cached per
// scale: the constants of the rational logarithm (log-rational.ts), computed once per precision.

import { floorDiv } from '../expr/rational.js';
import type { SmallPrime } from './log-rational.js';
import { RNDD, type MpfrArena } from './mpfr.js';

const cache = new Map<string, bigint>();
/** Scales in use at once are few (one per working precision); beyond this the cache starts over. */
const CACHE_LIMIT = 64;

/**
 * L with log p in [L, L + 2]·2^-scale: MPFR's log p rounded down at scale + 8 bits is x <= log p < x + 2^-(scale+6)
 * (log p < 2), and L = floor(x·2^scale).
 */
export function primeLog(arena: MpfrArena, p: SmallPrime, scale: number): bigint {
  const key = `${p}:${scale}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const b = arena.b;
  const x = b.mpfr_t();
  b.mpfr_init2(x, scale + 8);
  try {
    if (p === 2) b.mpfr_const_log2(x, RNDD);
    else {
      b.mpfr_set_ui(x, p, RNDD); // exact
      b.mpfr_log(x, x, RNDD);
    }
    const v = arena.toRational(x)!;
    const l = floorDiv(v.n << BigInt(scale), v.d);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, l);
    return l;
  } finally {
    b.mpfr_clear(x);
    b.mpfr_t_free(x);
  }
}
