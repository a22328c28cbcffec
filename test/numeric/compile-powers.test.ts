// The pointwise compiler's rational powers (Newton steps, quadrature nodes): a q-th root then an
// integer power, matching the certified evaluator. Negative bases: the compiled approximation takes
// the real odd root (as it did through pow) and NaN for an even one; the certified evaluator, which
// decides every printed value and every root's bracket, calls both undefined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExpr } from '../../src/expr/read.js';
import { Rational } from '../../src/expr/rational.js';
import { DecimalField } from '../../src/numeric/decimal-field.js';
import { evaluateSync } from '../../src/numeric/evaluate.js';
import { MpfrField, mpfrFieldSync } from '../../src/numeric/mpfr-field.js';
import { loadMpfr } from '../../src/numeric/mpfr.js';
import { compileExpr } from '../../src/numeric/quadrature-expression.js';
import type { Field } from '../../src/numeric/api.js';

let mp: MpfrField;
beforeAll(async () => {
  await loadMpfr();
  mp = mpfrFieldSync(300);
});
afterAll(() => mp.destroy());

function at<R>(F: Field<R>, text: string, x: Rational): R {
  const e = readExpr(text);
  if (!e.ok) throw new Error(text);
  const c = compileExpr(e.value, 'x');
  if (!c.ok) throw new Error(text);
  return c.value.bind(F)(F.rational(x));
}

describe('compiled rational powers', () => {
  const cases: [string, Rational][] = [
    ['x^(2/3)', Rational.of(8, 27)],
    ['x^(-3/2)', Rational.of(9, 4)],
    ['x^(1/4) + x^(5/7)', Rational.of(3, 10)],
    ['(1 + x)^(-1/3)', Rational.of(-26, 27)],
    ['x^(7/2)', Rational.of(2)],
  ];
  for (const [text, x] of cases) {
    it(`${text} at ${x} agrees with the certified evaluation to 80 digits, in both engines`, () => {
      const e = readExpr(text);
      if (!e.ok) throw new Error(text);
      const want = evaluateSync(e.value, new Map([['x', x]]), { digits: 80 });
      if (!want.ok) throw new Error(`${text}: ${want.diagnostics[0]?.message}`);
      expect(mp.toDecimal(at(mp, text, x), 80)).toBe(want.value.text);
      const D = new DecimalField(100);
      expect(D.toDecimal(at(D, text, x), 80)).toBe(want.value.text);
    });
  }
  it('an even root of a negative base is NaN, an odd one negative', () => {
    expect(mp.isFinite(at(mp, 'x^(3/4)', Rational.of(-2)))).toBe(false);
    expect(mp.toRational(at(mp, 'x^(3/5)', Rational.of(-32))).equals(Rational.of(-8))).toBe(true);
    expect(mp.toRational(at(mp, 'x^(-2/3)', Rational.of(-8))).equals(Rational.of(1, 4))).toBe(true);
  });
});
