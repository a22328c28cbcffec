// Reference values marked "mpmath" were computed independently with mpmath 1.x quad at 70 digits on the
// same pieces (bench/quadrature_mpmath.py prints them).
import { describe, expect, it } from 'vitest';
import { add, ceil, div, exp, log, mul, num, pow, sqrt, sub, sym } from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { formatDecimal } from '../../src/numeric/format.js';
import { mpfrField } from '../../src/numeric/mpfr-field.js';
import { extrapolatedError, integrate, MAX_QUADRATURE_DIGITS, QUADRATURE_SUFFIX } from '../../src/numeric/quadrature.js';
import { compileExpr } from '../../src/numeric/quadrature-expression.js';
import { gaussIntegrate } from '../../src/numeric/quadrature-gauss.js';

const t = sym('t');
const q = (n: number | bigint, d: number | bigint = 1) => Rational.of(n, d);
const none = new Map<string, Rational>();
const entropy = (c: number) => sqrt(mul(pow(ceil(div(num(c), t)), num(4)), log(add(num(1), div(num(4), t)))));

/** Number of leading significant digits on which two decimal texts agree. */
function agreeingDigits(a: string, b: string): number {
  const da = a.replace(/[-.]/g, '').replace(/^0+/, '');
  const db = b.replace(/[-.]/g, '').replace(/^0+/, '');
  let i = 0;
  while (i < da.length && da[i] === db[i]) i++;
  return i;
}

async function value(e: Expr, a: Rational, b: Rational, digits: number, engine: 'mpfr' | 'decimal' = 'mpfr') {
  const r = await integrate(e, 't', a, b, none, { digits, engine });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; '));
  return r.value;
}

describe('the entropy integrals of the worked setting (THEORY §6, d = 4)', () => {
  it('∫_{1/12}^1 sqrt(ceil(1/t)^4 log(1 + 4/t)) dt to 50 digits, MPFR and decimal.js agree to >= 45 digits', async () => {
    const m = await value(entropy(1), q(1, 12), q(1), 50);
    const d = await value(entropy(1), q(1, 12), q(1), 50, 'decimal');
    expect(m.pieces).toBe(11);
    expect(m.correctlyRounded).toBe(false); // an estimate, not a proof
    expect(m.certified).toBe(false);
    expect(agreeingDigits(formatDecimal(m.value, 50), formatDecimal(d.value, 50))).toBeGreaterThanOrEqual(45);
    // mpmath, 70 digits: 24.2395497809558697134505206231195261652020666666824066466763
    expect(m.text).toBe('24.239549780955869713450520623119526165202066666682' + QUADRATURE_SUFFIX);
    expect(m.errorEstimate.lt(q(1, 10n ** 52n))).toBe(true);
  });
  it('∫_{2/13}^1 sqrt(ceil(2/t)^4 log(1 + 4/t)) dt to 50 digits, split at t = 2/j', async () => {
    const m = await value(entropy(2), q(2, 13), q(1), 50);
    const d = await value(entropy(2), q(2, 13), q(1), 50, 'decimal');
    expect(m.pieces).toBe(11);
    expect(agreeingDigits(formatDecimal(m.value, 50), formatDecimal(d.value, 50))).toBeGreaterThanOrEqual(45);
    // mpmath, 70 digits: 42.3031161910440094220996869188033275953076642034176106899064
    expect(m.text).toBe('42.303116191044009422099686918803327595307664203418' + QUADRATURE_SUFFIX);
  });
});

describe('closed forms', () => {
  it('∫_{1/3}^2 t^-2 dt = 5/2', async () => {
    const m = await value(pow(t, num(-2)), q(1, 3), q(2), 50);
    expect(m.text).toBe(formatDecimal(q(5, 2), 50) + QUADRATURE_SUFFIX);
    expect(m.value.sub(q(5, 2)).abs().lt(q(1, 10n ** 55n))).toBe(true);
  });
  it('∫_{1/12}^1 ceil(1/t)^4 dt = Σ_{K=2}^{12} K^4 (1/(K-1) - 1/K), a rational, to 50 digits', async () => {
    let exact = Rational.ZERO;
    for (let K = 2; K <= 12; K++) exact = exact.add(q(K ** 4).mul(q(1, K - 1).sub(q(1, K))));
    const m = await value(pow(ceil(div(num(1), t)), num(4)), q(1, 12), q(1), 50);
    expect(m.text).toBe(formatDecimal(exact, 50) + QUADRATURE_SUFFIX);
    expect(m.value.sub(exact).abs().lt(q(1, 10n ** 50n))).toBe(true);
  });
  it('the split matters: one Gauss rule over the jumps loses digits that the split keeps', async () => {
    let exact = Rational.ZERO;
    for (let K = 2; K <= 12; K++) exact = exact.add(q(K ** 4).mul(q(1, K - 1).sub(q(1, K))));
    const body = pow(ceil(div(num(1), t)), num(4));
    const F = await mpfrField(256);
    try {
      const c = compileExpr(body, 't');
      if (!c.ok) throw new Error('compile');
      const naive = F.toRational(gaussIntegrate(F, c.value.bind(F), F.rational(q(1, 12)), F.rational(q(1)), 160));
      // Unsplit, a 160-point rule is wrong already in the third significant digit or so.
      expect(q(1, 10 ** 4).lt(naive.sub(exact).abs().div(exact))).toBe(true);
    } finally {
      F.destroy();
    }
    const split = await value(body, q(1, 12), q(1), 50);
    expect(split.value.sub(exact).abs().div(exact).lt(q(1, 10n ** 50n))).toBe(true);
  });
  it('improper at 0: ∫_0^1 t^(-1/2) dt = 2 by tanh–sinh', async () => {
    const m = await value(pow(t, num(-1, 2)), q(0), q(1), 40);
    expect(m.text).toBe(formatDecimal(q(2), 40) + QUADRATURE_SUFFIX);
  });
  it('improper at 0: ∫_0^1 sqrt(log(1 + 4/t)) dt (endpoint singularity)', async () => {
    const m = await value(sqrt(log(add(num(1), div(num(4), t)))), q(0), q(1), 50);
    const d = await value(sqrt(log(add(num(1), div(num(4), t)))), q(0), q(1), 50, 'decimal');
    // mpmath, 70 digits: 1.559253333371016045860365180635207345840175694929618508815399932490854
    expect(m.text).toBe('1.5592533333710160458603651806352073458401756949296' + QUADRATURE_SUFFIX);
    expect(agreeingDigits(formatDecimal(m.value, 50), formatDecimal(d.value, 50))).toBeGreaterThanOrEqual(45);
  });
  it('reverses the orientation: ∫_1^{1/3} t^-2 dt = -2', async () => {
    const m = await value(pow(t, num(-2)), q(1), q(1, 3), 30);
    expect(m.text).toBe(formatDecimal(q(-2), 30) + QUADRATURE_SUFFIX);
  });
});

describe('refusals', () => {
  const code = async (e: Expr, a: Rational, b: Rational, digits = 20) => {
    const r = await integrate(e, 't', a, b, none, { digits });
    return r.ok ? 'ok' : r.diagnostics[0]!.code;
  };
  it('rejects digits out of range (EB5002)', async () => {
    expect(await code(t, q(0), q(1), 0)).toBe('EB5002');
  });
  it('refuses a step it cannot locate (EB5101) instead of integrating across unknown jumps', async () => {
    expect(await code(ceil(pow(t, num(2))), q(0), q(2))).toBe('EB5101');
  });
  it('refuses infinitely many jumps at an improper end (EB5102)', async () => {
    expect(await code(ceil(div(num(1), t)), q(1, 10 ** 7), q(1))).toBe('EB5102');
  });
  it('reports a non-integrable singularity instead of a number (EB5103)', async () => {
    expect(await code(pow(t, num(-1)), q(0), q(1))).toBe('EB5103');
  });
});

describe('extrapolated error of three doubling Gauss rules', () => {
  it('is 10^(D1²/D2), rounded up to a power of ten, only when the digits at least grow by half', async () => {
    const F = await mpfrField(256);
    try {
      const ten = (k: number) => F.rational(k >= 0 ? q(10n ** BigInt(k)) : q(1n, 10n ** BigInt(-k)));
      expect(extrapolatedError(F, ten(-40), ten(-20))).toEqual(q(1n, 10n ** 80n));
      // D1 = log10(3e-41) = -40.52…, D2 = -20: 10^-82.1… rounded up to 10^-82.
      expect(extrapolatedError(F, F.mul(F.rational(q(3)), ten(-41)), ten(-20))).toEqual(q(1n, 10n ** 82n));
      expect(extrapolatedError(F, ten(-25), ten(-20))).toBeUndefined(); // not converging fast enough to trust
      expect(extrapolatedError(F, ten(-20), ten(-40))).toBeUndefined(); // diverging
      expect(extrapolatedError(F, ten(-2000), ten(-1000))).toEqual(q(1n, 10n ** 4000n)); // no double underflow
    } finally {
      F.destroy();
    }
  });
});

describe('quadrature precision limit', () => {
  it('works above the old 300-digit limit: ∫_0^1 exp(t) dt = e − 1 to 400 digits, as the certified evaluation prints it', async () => {
    const m = await value(exp(t), q(0), q(1), 400);
    const certified = await evaluate(sub(exp(num(1)), num(1)), none, { digits: 400 });
    if (!certified.ok) throw new Error('evaluate');
    expect(m.text).toBe(certified.value.text + QUADRATURE_SUFFIX);
    expect(m.errorEstimate.lt(m.value.mul(q(1, 10n ** 401n)))).toBe(true);
  });
  it('refuses more than MAX_QUADRATURE_DIGITS with EB5109 instead of running out of time', async () => {
    const body = sqrt(log(add(num(1), div(num(4), sym('t')))));
    const r = await integrate(body, 't', Rational.of(1, 2), Rational.ONE, new Map(), { digits: MAX_QUADRATURE_DIGITS + 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('EB5109');
  });
});
