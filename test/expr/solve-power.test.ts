// The exact solver of a + b x^q = 0 for the Dudley cut-off's stationarity equation: the closed forms at
// d = 4 and for symbolic d > 2, refusals (EB3010), undecided signs (EB3011), and a property that every
// root returned satisfies its equation at 60 digits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Assumptions, atLeast, interval, real } from '../../src/expr/domains.js';
import { toText } from '../../src/expr/print/text.js';
import { Rational } from '../../src/expr/rational.js';
import { readExpr } from '../../src/expr/read.js';
import { decidedSign, solvePowerEquation, stationaryPoint, type PowerRoot } from '../../src/expr/solve-power.js';
import { NEG, POS } from '../../src/expr/sign.js';
import { substitute } from '../../src/expr/traverse.js';
import type { Expr } from '../../src/expr/types.js';
import { evaluate } from '../../src/numeric/evaluate.js';

const read = (s: string): Expr => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(`${s}: ${r.diagnostics[0]!.message}`);
  return r.value;
};
const solve = (s: string, a?: Assumptions, x = 'alpha'): PowerRoot => {
  const r = solvePowerEquation(read(s), x, a);
  if (!r.ok) throw new Error(`${s}: ${r.diagnostics[0]!.code} ${r.diagnostics[0]!.message}`);
  return r.value;
};
const stationary = (s: string, a?: Assumptions): PowerRoot => {
  const r = stationaryPoint(read(s), 'alpha', a);
  if (!r.ok) throw new Error(`${s}: ${r.diagnostics[0]!.code}`);
  return r.value.solution;
};
const rootOf = (p: PowerRoot): Expr => {
  if (p.status !== 'root') throw new Error(`expected a root, got ${p.status}: ${p.status === 'none' ? p.reason : p.diagnostic.message}`);
  return p.root;
};

const dAbove2 = Assumptions.positive.with('d', atLeast(Rational.TWO, { open: true }));

async function value(e: Expr, env: ReadonlyMap<string, Rational>, digits = 60): Promise<Rational> {
  const v = await evaluate(e, env, { digits });
  if (!v.ok) throw new Error(`${toText(e)}: ${v.diagnostics[0]!.message}`);
  return v.value.lower.add(v.value.upper).mul(Rational.HALF);
}

describe('solvePowerEquation: the Dudley cut-off', () => {
  it('d = 4: the stationary point of 4 alpha + C alpha^(1 - d/2) is sqrt(C)/2', () => {
    expect(rootOf(stationary('4*alpha + C*alpha^(1 - 4/2)'))).toEqual(read('sqrt(C)/2'));
  });

  it('symbolic d > 2: the stationary point is (C (d - 2)/8)^(2/d)', async () => {
    const root = rootOf(stationary('4*alpha + C*alpha^(1 - d/2)', dAbove2));
    const closed = read('(C*(d - 2)/8)^(2/d)');
    expect(root).toEqual(closed);
    // And numerically, at random points, against the closed form and as a zero of the derivative.
    const derivative = read('4 + C*(1 - d/2)*alpha^(-d/2)');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 50 }), async (c, dn, dd) => {
        const d = Rational.TWO.add(Rational.of(BigInt(dn), BigInt(dd)));
        const env = new Map([['C', Rational.of(BigInt(c), 100n)], ['d', d]]);
        const [u, v] = await Promise.all([value(root, env), value(closed, env)]);
        expect(u.sub(v).abs().le(u.abs().mul(Rational.of(1n, 10n ** 50n)))).toBe(true);
        const at = await value(substitute(derivative, new Map([['alpha', b.num(u)]])), env);
        expect(at.abs().le(Rational.of(1n, 10n ** 40n)), `f'(root) = ${at.toNumber()} at C = ${c}/100, d = ${d}`).toBe(true);
      }),
      { numRuns: 25, seed: 4 },
    );
  });

  it('the full gen.exact.power objective, with its constants, at d > 2', () => {
    // 2 (4 alpha + K alpha^(1 - d/2)/(d/2 - 1)) with K > 0: the stationary point is (K/4)^(2/d).
    const root = rootOf(stationary('2*(4*alpha + K*alpha^(1 - d/2)/(d/2 - 1)) + B', dAbove2));
    expect(root).toEqual(read('(K/4)^(2/d)'));
  });

  it('undecided when the sign of a coefficient is not decided by the domains (EB3011)', () => {
    const p = stationary('4*alpha + C*alpha^(1 - d/2)'); // d only positive: 1 - d/2 has either sign
    expect(p.status).toBe('undecided');
    if (p.status === 'undecided') {
      expect(p.diagnostic.code).toBe('EB3011');
      expect(p.equation?.coefficient).toEqual(read('C*(1 - d/2)'));
    }
    const onReals = new Assumptions(new Map(), real);
    expect(solve('c + alpha^2', onReals).status).toBe('undecided');
    expect(solve('k*(1 - alpha^2)', onReals).status).toBe('undecided'); // k may be 0
    expect(solve('1 - alpha^q', onReals).status).toBe('undecided'); // q may be 0
  });
});

describe('solvePowerEquation: other two-term equations', () => {
  it('roots, in readable exact form', () => {
    expect(rootOf(solve('alpha^3 - 2*alpha'))).toEqual(read('sqrt(2)'));
    expect(rootOf(solve('3 - 12*alpha^2'))).toEqual(read('1/2'));
    expect(rootOf(solve('a - b*alpha^(1/3)'))).toEqual(read('a^3/b^3'));
    expect(rootOf(solve('2*alpha^(-1/2) - 1'))).toEqual(read('4'));
    expect(rootOf(solve('k*(1 - alpha^2)'))).toEqual(b.ONE); // k > 0 by default
    expect(rootOf(solve('sqrt(C*alpha) - 2'))).toEqual(read('4/C')); // rewritten with alpha > 0
    expect(rootOf(solve('x - 1/x', Assumptions.positive, 'x'))).toEqual(b.ONE);
  });

  it('no positive root when the coefficients have the same sign, or for a single power', () => {
    expect(stationary('4*alpha + C*alpha^2').status).toBe('none');
    expect(solve('C*alpha^(-2)').status).toBe('none');
    expect(solve('1 + alpha^(d/2)').status).toBe('none');
  });

  it('the domain of the variable: a root outside it is not returned', () => {
    const unit = Assumptions.positive.with('alpha', interval(Rational.ZERO, Rational.ONE, { openLower: true }));
    expect(rootOf(solve('1 - 4*alpha^2', unit))).toEqual(b.HALF);
    expect(solve('4 - alpha^2', unit).status).toBe('none'); // 2 > 1
    expect(solve('C - alpha^2', unit).status).toBe('undecided');
  });

  it('refuses other forms (EB3010)', () => {
    for (const s of ['alpha^2 + alpha + 1', 'log(alpha) + alpha', 'exp(alpha) - 2', 'C', 'alpha^alpha - 2', '(alpha + 1)^2 - 4']) {
      const r = solvePowerEquation(read(s), 'alpha');
      expect(r.ok ? r.value.status : r.diagnostics[0]!.code, s).toBe('EB3010');
    }
  });

  it('decidedSign: sums bounded by the domains of their symbols', () => {
    expect(decidedSign(read('1 - d/2'), dAbove2)).toBe(NEG);
    expect(decidedSign(read('C*(d/2 - 1)^(-1)'), dAbove2)).toBe(POS);
    expect(decidedSign(read('(d - 2)^(2/d)'), dAbove2)).toBe(POS);
    expect(decidedSign(read('1 - d/2'), Assumptions.positive) & POS).toBe(POS);
  });

  it('property: every root returned is positive and satisfies c1 + c2 x^q = 0 to 50 digits', async () => {
    let roots = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
        fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
        fc.integer({ min: -7, max: 7 }).filter((n) => n !== 0),
        fc.integer({ min: 1, max: 5 }),
        async (c1, c2, p, r) => {
          const g = b.add(b.num(c1, 7), b.mul(b.num(c2, 3), b.pow(b.sym('x'), b.num(p, r))));
          const s = solvePowerEquation(g, 'x');
          expect(s.ok).toBe(true);
          if (!s.ok) return;
          expect(s.value.status).toBe(Math.sign(c1) === Math.sign(c2) ? 'none' : 'root');
          if (s.value.status !== 'root') return;
          roots++;
          const x = await value(s.value.root, new Map());
          expect(x.sign).toBe(1);
          const residual = await value(substitute(g, new Map([['x', s.value.root]])), new Map());
          expect(residual.abs().le(Rational.of(1n, 10n ** 50n)), `${toText(g)} at ${toText(s.value.root)}`).toBe(true);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
    expect(roots).toBeGreaterThan(40);
  });
});
