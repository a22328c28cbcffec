// Membership in a declared domain and its text form ("[0, 1]", "(0, ∞)", "integers ≥ 3").

import type { ValueOracle } from './context.js';
import type { DomainModel } from './model.js';

export function inDomain<Q>(q: Q, d: DomainModel<Q>, o: ValueOracle<unknown, Q>): boolean {
  if (d.integer && !o.isInteger(q)) return false;
  if (d.lower) {
    const c = o.compare(q, d.lower.value);
    if (c < 0 || (c === 0 && d.lower.open)) return false;
  }
  if (d.upper) {
    const c = o.compare(q, d.upper.value);
    if (c > 0 || (c === 0 && d.upper.open)) return false;
  }
  return true;
}

export function describeDomain<Q>(d: DomainModel<Q>, o: ValueOracle<unknown, Q>): string {
  const lo = d.lower ? `${d.lower.open ? '(' : '['}${o.text(d.lower.value)}` : '(-infinity';
  const hi = d.upper ? `${o.text(d.upper.value)}${d.upper.open ? ')' : ']'}` : 'infinity)';
  return `${lo}, ${hi}${d.integer ? ' (integers)' : ''}`;
}
