// The wall on its own: agreement of enclosures, proofs by our rules, rejection with a witness,
// resampling where a side is undefined, and the checks for roots, antiderivatives and limits.
import { describe, expect, it } from 'vitest';
import { ok } from '../../src/diagnostics/diagnostic.js';
import type { PointEvaluator } from '../../src/cas/outcome.js';
import { agree, checkAntiderivative, checkEquality, checkLimit, checkRoot, wallSettings } from '../../src/cas/wall.js';
import { decimalText, sampleValue, seededRandom } from '../../src/cas/sampling.js';
import { interval, positiveInteger, real } from '../../src/expr/domains.js';
import { Rational } from '../../src/expr/rational.js';
import { readExpr } from '../../src/expr/read.js';
import type { Expr } from '../../src/expr/types.js';
import { countingEvaluator, evaluatePoint } from './evaluator.js';

const read = (s: string): Expr => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};
const q = (n: bigint, d = 1n) => Rational.of(n, d);
const settings = (o: { evaluate?: PointEvaluator; domains?: Map<string, ReturnType<typeof interval>> } = {}) => wallSettings({ evaluate: o.evaluate ?? evaluatePoint, domains: o.domains });

describe('agree', () => {
  const tol = q(1n, 10n ** 50n);
  it('is relative, and absolute only when an enclosure contains zero', () => {
    expect(agree({ lower: q(1n), upper: q(1n) }, { lower: q(1n), upper: q(1n) }, tol)).toBe(true);
    expect(agree({ lower: q(10n ** 70n), upper: q(10n ** 70n) }, { lower: q(10n ** 70n + 1n), upper: q(10n ** 70n + 1n) }, tol)).toBe(true);
    expect(agree({ lower: q(1n), upper: q(1n) }, { lower: q(10n ** 49n + 1n, 10n ** 49n), upper: q(10n ** 49n + 1n, 10n ** 49n) }, tol)).toBe(false);
    expect(agree({ lower: q(1n, 10n ** 80n), upper: q(1n, 10n ** 80n) }, { lower: q(2n, 10n ** 80n), upper: q(2n, 10n ** 80n) }, tol)).toBe(false);
    expect(agree({ lower: q(-1n, 10n ** 70n), upper: q(1n, 10n ** 70n) }, { lower: q(0n), upper: q(0n) }, tol)).toBe(true);
  });
});

describe('checkEquality', () => {
  it('proves identities with our rules before sampling (exact)', async () => {
    const ev = countingEvaluator();
    const v = await checkEquality(read('log(x*y)'), read('log(x) + log(y)'), settings({ evaluate: ev.evaluate }));
    expect(v.accepted && v.exact).toBe(true);
    expect(v.check.method).toBe('rewrite');
    expect(ev.calls()).toBe(0);
  });

  it('verifies at 16 points when no rule applies, and says it is not a proof', async () => {
    const ev = countingEvaluator();
    const v = await checkEquality(read('sqrt(x)^2*exp(log(y))'), read('x*y'), settings({ evaluate: ev.evaluate }));
    if (v.accepted && v.exact) return; // our rules may grow to prove it; then nothing is sampled
    expect(v.accepted).toBe(true);
    expect(v.accepted && v.exact).toBe(false);
    expect(v.check.points).toBe(16);
    expect(ev.calls()).toBe(32);
  });

  it('rejects a wrong result with EB4001, the point and both values', async () => {
    const v = await checkEquality(read('log(2/delta)'), read('-log(2*delta)'), settings());
    expect(v.accepted).toBe(false);
    if (v.accepted) return;
    expect(v.diagnostic.code).toBe('EB4001');
    expect(v.check.witness!.point.get('delta')).toBeInstanceOf(Rational);
    expect(v.diagnostic.message).toContain(v.check.witness!.expected);
    expect(v.diagnostic.message).toContain(v.check.witness!.got);
  });

  it('catches a difference in the 40th digit', async () => {
    const v = await checkEquality(read('x + 1'), read(`x + 1 + 10^(-40)`), settings());
    expect(v.accepted).toBe(false);
  });

  it('resamples where a side is undefined, and rejects when nothing is defined', async () => {
    const domains = new Map([['x', real]]);
    const some = await checkEquality(read('log(x^2)/2'), read('log(x)'), settings({ domains }));
    expect(some.accepted).toBe(true);
    expect(some.check.resampled).toBeGreaterThan(0);
    const none = await checkEquality(read('sqrt(-1-x^2)'), read('x'), settings({ domains }));
    expect(none.accepted).toBe(false);
    expect(!none.accepted && none.diagnostic.code).toBe('EB4001');
  });

  it('samples integers where the domain says so', async () => {
    const seen: Rational[] = [];
    const ev: PointEvaluator = async (e, env, digits) => {
      if (env.has('n')) seen.push(env.get('n')!);
      return evaluatePoint(e, env, digits);
    };
    const v = await checkEquality(read('(-1)^(2*n)'), read('1'), settings({ evaluate: ev, domains: new Map([['n', positiveInteger]]) }));
    expect(v.accepted).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((x) => x.isInteger() && x.sign > 0)).toBe(true);
  });
});

describe('checkRoot, checkAntiderivative, checkLimit', () => {
  it('a root holds to 50 digits; a rational approximation of log 2 does not', async () => {
    expect((await checkRoot(read('exp(x) - 2'), 'x', read('log(2)'), settings())).accepted).toBe(true);
    expect((await checkRoot(read('exp(x) - 2'), 'x', read('261080729/376659873'), settings())).accepted).toBe(false);
    const domains = new Map([['d', interval(q(2n), q(12n), { openLower: true })]]);
    const cut = await checkRoot(read('4 - C*(d/2-1)*a^(-d/2)'), 'a', read('(C*(d-2)/8)^(2/d)'), settings({ domains }));
    expect(cut.accepted).toBe(true);
  });

  it('an antiderivative is checked through our derivative', async () => {
    expect((await checkAntiderivative(read('t*log(t) - t'), read('log(t)'), 't', settings())).accepted).toBe(true);
    const wrong = await checkAntiderivative(read('t*log(t)'), read('log(t)'), 't', settings());
    expect(wrong.accepted).toBe(false);
    expect(wrong.check.method).toBe('derivative');
  });

  it('a limit is checked along n = 10^10, 10^20, 10^40', async () => {
    expect((await checkLimit(read('(1+1/n)^n'), 'n', read('infinity'), read('exp(1)'), settings())).accepted).toBe(true);
    expect((await checkLimit(read('(1+1/n)^n'), 'n', read('infinity'), read('2718281828/1000000000'), settings())).accepted).toBe(false);
    expect((await checkLimit(read('(n+a)/(2*n)'), 'n', read('infinity'), read('1/2'), settings())).accepted).toBe(true);
  });
});

describe('sampling', () => {
  it('stays inside declared domains', () => {
    const rng = seededRandom(1);
    const d = interval(q(2n), q(3n), { openLower: true, openUpper: true });
    for (let i = 0; i < 200; i++) {
      const x = sampleValue(d, rng);
      expect(x.compare(q(2n)) > 0 && x.compare(q(3n)) < 0).toBe(true);
      const p = sampleValue(undefined, rng);
      expect(p.compare(q(1n, 10n)) >= 0 && p.compare(q(10n)) <= 0).toBe(true);
    }
  });

  it('prints witnesses as decimals', () => {
    expect(decimalText(q(1n, 3n), 5)).toBe('3.3333e-1');
    expect(decimalText(q(-200n), 3)).toBe('-2.00e2');
    expect(decimalText(q(0n))).toBe('0');
  });
});

void ok;
