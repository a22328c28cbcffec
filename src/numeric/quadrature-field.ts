// The two engines behind quadrature, roots and minimisation, chosen by name: MPFR for printed digits,
// decimal.js as the independent check.

import type { Field } from './api.js';
import { decimalField } from './decimal-field.js';
import { mpfrField, mpfrFieldSync } from './mpfr-field.js';

export type Engine = 'mpfr' | 'decimal';

/** A field of at least `bits` bits of precision; the caller destroys it. */
export async function makeField(engine: Engine, bits: number): Promise<Field<unknown>> {
  if (engine === 'mpfr') return (await mpfrField(bits)) as Field<unknown>;
  return decimalField(Math.ceil(bits / Math.log2(10))) as Field<unknown>;
}

/** The same, synchronously: for the mpfr engine MPFR must be loaded already. */
export function makeFieldSync(engine: Engine, bits: number): Field<unknown> {
  if (engine === 'mpfr') return mpfrFieldSync(bits) as Field<unknown>;
  return decimalField(Math.ceil(bits / Math.log2(10))) as Field<unknown>;
}
