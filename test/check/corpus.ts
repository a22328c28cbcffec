// Loads test/derivations/corpus.json: steps in the text form with their truth, domains and boxes.

import { readFileSync } from 'node:fs';
import { Assumptions, atLeast, interval, integer, positiveInteger, real, type Domain } from '../../src/expr/domains.js';
import { Rational } from '../../src/expr/rational.js';
import { readExpr } from '../../src/expr/read.js';
import type { Expr } from '../../src/expr/types.js';
import type { BoxRange, Justification, Relation, Step } from '../../src/check/step.js';
import type { TheoremStepSetting } from '../../src/theory/theorem-steps.js';

export interface CorpusEntry {
  readonly id: string;
  readonly source: string;
  readonly lhs: string;
  readonly rel: Relation;
  readonly rhs: string;
  readonly by: string;
  readonly truth: boolean;
  readonly note: string;
  readonly domains?: Record<string, string>;
  readonly box?: [string, string, string | null, string?][];
  /** For `theorem ID(args)` steps: what the statement's parameters (L, M, lambda, B, …) stand for; others are their own symbol. */
  readonly setting?: Record<string, string>;
}

/** Splits `a, f(b, c), d` at its top-level commas. */
export function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last.length > 0 || out.length > 0) out.push(last);
  return out;
}

/** The setting of a corpus entry: its `setting` values, and every other parameter its own symbol. */
export function corpusSetting(values: Record<string, string> = {}): TheoremStepSetting {
  const parsed = new Map(Object.entries(values).map(([k, v]) => [k, expr(v)]));
  return { parameter: (name) => parsed.get(name) ?? expr(name) };
}

export function expr(text: string): Expr {
  const r = readExpr(text);
  if (!r.ok) throw new Error(`cannot read ${text}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value;
}

const rat = (s: string): Rational => {
  const [n, d] = s.split('/');
  return d ? Rational.parseDecimal(n!)!.div(Rational.parseDecimal(d)!) : Rational.parseDecimal(n!)!;
};

/** "int>=1", ">=1", "(0,1)", "[3,40]", "int[1,12]", "real". */
export function domainOf(spec: string): Domain {
  if (spec === 'real') return real;
  if (spec === 'int') return integer;
  if (spec === 'int>=1') return positiveInteger;
  let m = /^(int)?>=(.+)$/.exec(spec);
  if (m) return atLeast(rat(m[2]!), { integer: !!m[1] });
  m = /^(int)?([[(])(.+),(.+)([\])])$/.exec(spec);
  if (m) return interval(rat(m[3]!), rat(m[4]!), { integer: !!m[1], openLower: m[2] === '(', openUpper: m[5] === ')' });
  throw new Error(`bad domain ${spec}`);
}

export function loadCorpus(path = new URL('../derivations/corpus.json', import.meta.url)): CorpusEntry[] {
  return JSON.parse(readFileSync(path, 'utf8')) as CorpusEntry[];
}

export function stepOf(e: CorpusEntry): { step: Step; assumptions: Assumptions; theoremSetting?: TheoremStepSetting } {
  let assumptions = Assumptions.positive;
  for (const [k, v] of Object.entries(e.domains ?? {})) assumptions = assumptions.with(k, domainOf(v));
  let justification: Justification;
  if (e.by === 'algebra') justification = { kind: 'algebra' };
  else if (e.by === 'monotone') justification = { kind: 'monotone' };
  else if (e.by.startsWith('known ')) justification = { kind: 'known', name: e.by.slice(6) };
  else if (e.by === 'interval') {
    const box: BoxRange[] = (e.box ?? []).map(([variable, lo, hi, kind]) => ({ variable, lower: rat(lo), ...(hi !== null ? { upper: rat(hi) } : {}), ...(kind === 'int' ? { integer: true } : {}) }));
    justification = { kind: 'interval', box };
  } else if (e.by.startsWith('theorem ')) {
    const m = /^theorem ([a-z0-9.]+)\((.*)\)$/.exec(e.by);
    if (!m) throw new Error(`bad theorem justification ${e.by}`);
    justification = { kind: 'theorem', id: m[1]!, args: splitArguments(m[2]!).map(expr) };
    return { step: { lhs: expr(e.lhs), rel: e.rel, rhs: expr(e.rhs), justification }, assumptions, theoremSetting: corpusSetting(e.setting) };
  } else throw new Error(`bad justification ${e.by}`);
  return { step: { lhs: expr(e.lhs), rel: e.rel, rhs: expr(e.rhs), justification }, assumptions };
}
