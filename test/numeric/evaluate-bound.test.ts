// The §6 power-form bound to 50 and 1000 digits, confirmed by decimal.js computed independently here;
// exact values for rational inputs; the diagnostics of evaluation; the decimal text format.

import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { evaluate, evaluateDecimalJs, evaluateSync, verifyDigits } from '../../src/numeric/evaluate.js';
import { formatDecimal } from '../../src/numeric/format.js';

const s = b.sym;
/** 2*(4*a + 12/sqrt(n)*sqrt(k*A*log(1+4*M/a))*(2*L)^(d/2)*a^(1-d/2)/(d/2-1)) + B*sqrt(log(2/delta)/(2*n)) */
const section6: Expr = b.add(
  b.mul(
    b.num(2),
    b.add(
      b.mul(b.num(4), s('a')),
      b.div(
        b.mul(b.div(b.num(12), b.sqrt(s('n'))), b.sqrt(b.mul(s('k'), s('A'), b.log(b.add(b.ONE, b.div(b.mul(b.num(4), s('M')), s('a')))))), b.pow(b.mul(b.num(2), s('L')), b.div(s('d'), b.num(2))), b.pow(s('a'), b.sub(b.ONE, b.div(s('d'), b.num(2))))),
        b.sub(b.div(s('d'), b.num(2)), b.ONE),
      ),
    ),
  ),
  b.mul(s('B'), b.sqrt(b.div(b.log(b.div(b.num(2), s('delta'))), b.mul(b.num(2), s('n'))))),
);

const section6Env = new Map<string, Rational>([
  ['a', Rational.of(1, 10)],
  ['n', Rational.of(10n ** 6n)],
  ['k', Rational.ONE],
  ['A', Rational.ONE],
  ['M', Rational.ONE],
  ['L', Rational.ONE],
  ['d', Rational.of(4)],
  ['B', Rational.of(2)],
  ['delta', Rational.of(1, 100)],
]);

/** The same bound written directly in decimal.js (1012 digits: its ln table limit), no shared code. */
function section6DecimalJs(): Decimal {
  const D = Decimal.clone({ precision: 1012, rounding: Decimal.ROUND_HALF_EVEN });
  const a = new D(1).div(10);
  const n = new D(10).pow(6);
  const d = new D(4);
  const inner = new D(4)
    .times(a)
    .plus(new D(12).div(n.sqrt()).times(new D(1).plus(new D(4).div(a)).ln().sqrt()).times(new D(2).pow(d.div(2))).times(a.pow(new D(1).minus(d.div(2)))).div(d.div(2).minus(1)));
  return inner.times(2).plus(new D(2).times(new D(2).div(new D(1).div(100)).ln().div(n.times(2)).sqrt()));
}

function decimalToRational(x: Decimal): Rational {
  return Rational.parseDecimal(x.toExponential())!;
}

describe('§6 bound', () => {
  const reference = section6DecimalJs();
  const refQ = decimalToRational(reference);

  for (const digits of [50, 1000]) {
    test(`${digits} digits from MPFR agree with decimal.js and are certified`, async () => {
      const r = await evaluate(section6, section6Env, { digits });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.correctlyRounded).toBe(true);
      expect(r.value.exact).toBeUndefined();
      expect(r.value.text).toBe(formatDecimal(refQ, digits));
      expect(r.value.text.startsWith('2.653235792206353918980400670866986241597346272898')).toBe(true);
      expect(r.value.text.replace('.', '').length).toBe(digits);
      expect(r.value.lower.le(refQ) && refQ.le(r.value.upper)).toBe(true);
      expect(verifyDigits(r.value, section6, section6Env)).toBeUndefined();
      // A wrong last digit is caught.
      const last = Number(r.value.text.at(-1));
      const tampered = { ...r.value, text: r.value.text.slice(0, -1) + String((last + 2) % 10) };
      expect(verifyDigits(tampered, section6, section6Env)?.code).toBe('EB5006');
    });
  }

  test('evaluateDecimalJs gives the same 50 digits', () => {
    const r = evaluateDecimalJs(section6, section6Env, 50);
    expect(r.ok && r.value.text).toBe(formatDecimal(refQ, 50));
  });
});

describe('exact values', () => {
  test('ceil(2/t) at t = 1/12 is exactly 24', async () => {
    const r = await evaluate(b.ceil(b.div(b.num(2), s('t'))), new Map([['t', Rational.of(1, 12)]]), { digits: 10 });
    expect(r.ok && r.value.exact?.equals(Rational.of(24))).toBe(true);
    expect(r.ok && r.value.text).toBe('24.00000000');
  });
  test('sqrt(8)*sqrt(2) is exactly 4; (1/3)^2 prints 0.1111 to 4 digits', async () => {
    const r = await evaluate(b.mul(b.sqrt(s('x')), b.sqrt(b.num(2))), new Map([['x', Rational.of(8)]]), { digits: 3 });
    expect(r.ok && r.value.exact?.equals(Rational.of(4))).toBe(true);
    const q = await evaluate(b.pow(s('x'), b.num(2)), new Map([['x', Rational.of(1, 3)]]), { digits: 4 });
    expect(q.ok && q.value.text).toBe('0.1111');
  });
  test('pi and log 2 to 60 digits', async () => {
    const pi = await evaluate(b.PI, new Map(), { digits: 60 });
    expect(pi.ok && pi.value.text).toBe('3.14159265358979323846264338327950288419716939937510582097494');
    const l2 = await evaluate(b.log(b.num(2)), new Map(), { digits: 60 });
    expect(l2.ok && l2.value.text).toBe('0.693147180559945309417232121458176568075500134360255254120680');
  });
});

describe('diagnostics', () => {
  const x = s('x');
  const at = (v: Rational) => new Map([['x', v]]);
  test('undefined at the point: EB5001 naming the subexpression', async () => {
    for (const [e, v] of [
      [b.log(b.sub(x, b.num(1))), Rational.ONE],
      [b.div(b.ONE, b.sub(x, b.num(2))), Rational.of(2)],
      [b.sqrt(b.sub(x, b.PI)), Rational.of(3)],
      [b.log(b.sub(b.PI, x)), Rational.of(4)],
    ] as const) {
      const r = await evaluate(e, at(v), { digits: 20 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.diagnostics[0]!.code).toBe('EB5001');
    }
    const r = await evaluate(b.log(b.sub(b.PI, x)), at(Rational.of(4)), { digits: 20 });
    expect(!r.ok && r.diagnostics[0]!.message).toContain('log(');
  });
  test('free symbols: EB5004 naming them', async () => {
    const r = await evaluate(b.add(x, s('zeta')), at(Rational.ONE), { digits: 5 });
    expect(!r.ok && r.diagnostics[0]!.code).toBe('EB5004');
    expect(!r.ok && r.diagnostics[0]!.message).toContain('zeta');
  });
  test('digits out of range: EB5002', async () => {
    for (const digits of [0, 10_001, 2.5]) {
      const r = await evaluate(b.PI, new Map(), { digits });
      expect(!r.ok && r.diagnostics[0]!.code).toBe('EB5002');
    }
  });
  test('integrals are refused with EB5007; the sync variant works after loading', async () => {
    await evaluate(b.PI, new Map(), { digits: 5 });
    const r = evaluateSync(b.integral('u', b.ZERO, b.ONE, b.sqrt(s('u'))), new Map(), { digits: 5 });
    expect(!r.ok && r.diagnostics[0]!.code).toBe('EB5007');
    const p = evaluateSync(b.sqrt(b.num(2)), new Map(), { digits: 5 });
    expect(p.ok && p.value.text).toBe('1.4142');
  });
  test('a value that cannot be separated from a rounding boundary is marked uncertain', () => {
    // exp(log(2)) - 2 is 0 but not canonically: its enclosure always straddles 0.
    const r = evaluateSync(b.sub(b.exp(b.mul(b.num(1, 3), b.log(b.num(8)))), b.num(2)), new Map(), { digits: 5, maxPrecisionBits: 256 });
    expect(r.ok && r.value.correctlyRounded).toBe(false);
    expect(r.ok && r.warnings?.[0]?.code).toBe('EB5003');
  });
});

describe('formatDecimal', () => {
  const f = (t: string, d: number) => formatDecimal(Rational.parseDecimal(t)!, d);
  test('plain and scientific notation, ties to even', () => {
    expect(f('2.36601049', 8)).toBe('2.3660105');
    expect(f('0.000000001234', 4)).toBe('1.234e-9');
    expect(f('1234567', 3)).toBe('1.23e6');
    expect(f('123.4', 4)).toBe('123.4');
    expect(f('0.00012345', 3)).toBe('0.000123');
    expect(f('2.5', 1)).toBe('2');
    expect(f('3.5', 1)).toBe('4');
    expect(f('-9.996', 3)).toBe('-10.0');
    expect(f('0', 5)).toBe('0');
  });
});
