// `equibound check FILE`: checks every derivation of the checked model step by step and reports a line
// per step (line:col, relation, status, reason), a JSON document, and diagnostics that set the exit code.

import { chainResult, checkDerivation, DEFAULT_BUDGET, knownFacts, type BoxRange, type CheckedStep, type DerivationResult, type Justification } from '../check/index.js';
import { error, warning, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { lineColumn } from '../diagnostics/render.js';
import * as b from '../expr/build.js';
import { Assumptions, type Domain } from '../expr/domains.js';
import type { Rational } from '../expr/rational.js';
import { freeSymbols, substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { DerivationModel, JustificationModel } from '../semantics/model.js';
import { closest } from '../syntax/did-you-mean.js';
import { theoremIds } from '../theory/registry.js';
import { lossConstants, type TheoremStepSetting } from '../theory/theorem-steps.js';
import type { CheckedModel, CheckedScope } from './theorem-library.js';
import { progressBar } from './progress.js';

type Derivation = DerivationModel<Expr, Rational>;

/** Wall-clock limit of one step, on top of the checker's own budgets (boxes, points, 1.5 s per proof). */
export const STEP_WALL_MS = 30_000;
/** Fixed sampling seed: a check repeated on the same file gives the same report. */
export const CHECK_SEED = 1;

export interface CheckOptions {
  /** Undecided steps are warnings, not failures (refuted steps still fail). */
  readonly allowUndecided: boolean;
  /** Where the progress line goes; undefined for none (not a TTY, CI, tests, --json). */
  readonly progress?: (text: string) => void;
  readonly stepWallMs?: number;
}

export interface CheckedDerivation {
  readonly model: Derivation;
  readonly result: DerivationResult;
}

export interface CheckReport {
  readonly text: string;
  readonly json: Record<string, unknown>;
  readonly diagnostics: Diagnostic[];
  readonly checked: readonly CheckedDerivation[];
}

const statusWord = { proven: 'proven', 'verified-numerically': 'verified', refuted: 'REFUTED', undecided: 'undecided' } as const;

export async function checkDerivations(model: CheckedModel, opts: CheckOptions): Promise<CheckReport> {
  const problems = [...unknownFacts(model), ...unknownTheorems(model)];
  if (problems.length > 0) return { text: '', json: { derivations: [] }, diagnostics: problems, checked: [] };
  if (model.derivations.length === 0) {
    return { text: '', json: { derivations: [] }, diagnostics: [error('EB7007', 'the file has no derivation to check')], checked: [] };
  }
  const checked: CheckedDerivation[] = [];
  const total = model.derivations.reduce((n, d) => n + d.steps.length, 0);
  let done = 0;
  for (const d of model.derivations) {
    const stepText = (i: number) => `checking ${d.name}: step ${i + 1}/${d.steps.length} (${done + i + 1}/${total} in all)`;
    const result = await checkOne(d, theoremSetting(model, d), opts, (i) => opts.progress?.(stepText(i)), (i, examined, budget, open) =>
      opts.progress?.(`${stepText(i)}: ${examined}/${budget} boxes ${progressBar(examined, budget)} ${open} open`),
    );
    done += d.steps.length;
    checked.push({ model: d, result });
  }
  opts.progress?.('');
  return { text: reportText(checked, model.sources), json: reportJson(checked, model.sources), diagnostics: stepDiagnostics(checked, opts.allowUndecided), checked };
}

/**
 * Checks one derivation. A step still running at the wall-clock limit is undecided (EB7008); the limit is
 * observed where the checker yields to the event loop, and interval proofs also get it as their time budget.
 */
async function checkOne(
  d: Derivation,
  theorems: TheoremStepSetting,
  opts: CheckOptions,
  onStep: (i: number) => void,
  onBoxes: (i: number, examined: number, budget: number, open: number) => void,
): Promise<DerivationResult> {
  let assumptions = Assumptions.positive;
  for (const [name, domain] of d.domains) assumptions = assumptions.with(name, domain as Domain);
  const limit = opts.stepWallMs ?? STEP_WALL_MS;
  const steps: CheckedStep[] = [];
  // Each step is checked as a one-step chain so that it can be timed out alone; the chain's conclusion is
  // drawn over all steps by chainResult().
  let prev = d.first.expr;
  for (const [i, s] of d.steps.entries()) {
    onStep(i);
    const justification = justificationOf(s.justification, { lhs: prev, rhs: s.rhs.expr }, d.domains);
    const chain = { first: prev, links: [{ rel: s.rel, expr: s.rhs.expr, justification }] };
    // The interval prover's own clock gets the limit too: the race below only wins where the checker yields.
    const run = checkDerivation(chain, {
      assumptions,
      seed: CHECK_SEED,
      budget: { timeMs: Math.min(DEFAULT_BUDGET.timeMs, limit) },
      theoremSetting: theorems,
      ...(opts.progress ? { onIntervalProgress: (examined: number, budget: number, open: number) => onBoxes(i, examined, budget, open) } : {}),
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limit);
    });
    const r = await Promise.race([run, timeout]).finally(() => clearTimeout(timer));
    steps.push(r === 'timeout' ? { ...timedOut(prev, s.rel, s.rhs.expr, justification, limit), index: i } : { ...r.steps[0]!, index: i });
    prev = s.rhs.expr;
  }
  return chainResult(d.first.expr, d.steps[d.steps.length - 1]!.rhs.expr, steps);
}

function timedOut(lhs: Expr, rel: CheckedStep['rel'], rhs: Expr, justification: Justification, limit: number): CheckedStep {
  return { lhs, rel, rhs, justification, index: 0, ms: limit, result: { status: 'undecided', code: 'EB7008', reason: `the step did not finish within the wall-clock limit of ${limit / 1000} s` } };
}

/**
 * Symbols of the step that the box does not name range over their declared domain when it is closed
 * ([a, b] or >= a, integer or not): the claim is then exactly the step on the declared domain. Symbols with
 * open or unbounded-below domains are left out, and the prover reports them (name them in the box).
 */
function declaredRanges(step: { lhs: Expr; rhs: Expr }, box: readonly BoxRange[], domains: Derivation['domains']): BoxRange[] {
  const named = new Set(box.map((r) => r.variable));
  const out: BoxRange[] = [];
  for (const name of [...new Set([...freeSymbols(step.lhs), ...freeSymbols(step.rhs)])].sort()) {
    const d = domains.get(name);
    if (named.has(name) || !d?.lower || d.lower.open || d.upper?.open) continue;
    out.push({ variable: name, lower: d.lower.value, ...(d.upper ? { upper: d.upper.value } : {}), ...(d.integer ? { integer: true } : {}) });
  }
  return out;
}

function justificationOf(j: JustificationModel<Expr, Rational>, step: { lhs: Expr; rhs: Expr }, domains: Derivation['domains']): Justification {
  switch (j.kind) {
    case 'algebra':
    case 'monotone':
      return { kind: j.kind };
    case 'interval': {
      const box = j.box.map((r): BoxRange => ({ variable: r.variable, lower: r.lower, ...(r.upper !== null ? { upper: r.upper } : {}), ...(r.integer ? { integer: true } : {}) }));
      return { kind: 'interval', box: [...box, ...declaredRanges(step, box, domains)] };
    }
    case 'theorem':
      return { kind: 'theorem', id: j.id, args: j.args };
    case 'known':
      return { kind: 'known', name: j.fact };
  }
}

/** `by known NAME` must name a fact of the library (bad input, exit 2), checked before any step runs. */
function unknownFacts(model: CheckedModel): Diagnostic[] {
  const names = knownFacts.map((f) => f.name);
  const out: Diagnostic[] = [];
  for (const d of model.derivations) {
    for (const s of d.steps) {
      if (s.justification.kind !== 'known' || names.includes(s.justification.fact)) continue;
      const guess = closest(s.justification.fact, names);
      out.push(error('EB2018', `no known fact is named \`${s.justification.fact}\``, { span: s.justification.factSpan, hint: `${guess ? `did you mean \`${guess}\`? ` : ''}the known facts are ${names.join(', ')}` }));
    }
  }
  return out;
}

/** `by theorem ID` must name a theorem of the library (EB6016), checked before any step runs. */
function unknownTheorems(model: CheckedModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of model.derivations) {
    for (const s of d.steps) {
      const j = s.justification;
      if (j.kind !== 'theorem' || (theoremIds as readonly string[]).includes(j.id)) continue;
      const guess = closest(j.id, theoremIds);
      out.push(error('EB6016', `no theorem is named \`${j.id}\``, { span: j.idSpan, hint: guess ? `did you mean \`${guess}\`? the ids are those of THEORY.md` : 'the ids are those of THEORY.md, e.g. gen.exact.power, dudley.cutoff, tradeoff.optimal' }));
    }
  }
  return out;
}

/**
 * The parameters a theorem step reads in the derivation's setting: a parameter stays its symbol, a let is its
 * value (lets are expanded in the steps too); L, M and k come from the setting's class and lambda and B from
 * its loss when no parameter or let has that name.
 */
function theoremSetting(model: CheckedModel, d: Derivation): TheoremStepSetting {
  const scopes = [model.settings.get(d.setting), model.top].filter((s): s is CheckedScope => s !== undefined);
  const first = <T>(f: (s: CheckedScope) => T | undefined): T | undefined => scopes.map(f).find((x) => x !== undefined);
  const classes = first((s) => (s.classes.size > 0 ? [...s.classes.values()] : undefined)) ?? [];
  const cls = classes.length === 1 ? classes[0] : undefined;
  const classArg = (name: string): Expr | undefined => {
    const a = cls?.definition.args.get(name);
    return a?.kind === 'value' ? a.value : undefined;
  };
  const fromClass: Record<string, () => Expr | undefined> = { L: () => classArg('L'), M: () => classArg('M'), k: () => (cls ? (classArg('out') ?? b.ONE) : undefined) };
  const fromLoss = (name: 'lambda' | 'B'): Expr | undefined => {
    const loss = first((s) => s.loss ?? undefined);
    if (!loss) return undefined;
    const e = loss.definition;
    if (e.entry === 'lipschitz') {
      const lambda = e.args.get('lambda');
      return name === 'lambda' ? (lambda?.kind === 'value' ? lambda.value : undefined) : (loss.boundedBy ?? undefined);
    }
    if (e.entry !== 'absolute' && e.entry !== 'squared' && e.entry !== 'hinge') return undefined;
    const M = classArg('M');
    const c = lossConstants({ kind: e.entry })!;
    const value = c[name];
    return freeSymbols(value).has('M') ? (M ? substitute(value, new Map([['M', M]])) : undefined) : value;
  };
  return {
    name: d.setting,
    parameter(name) {
      const declared = first((s) => (s.parameters.has(name) ? b.sym(name) : s.lets.get(name)?.symbolic));
      if (declared) return declared;
      if (name === 'lambda' || name === 'B') return fromLoss(name);
      return Object.hasOwn(fromClass, name) ? fromClass[name]!() : undefined;
    },
    declarationKind(name) {
      if (model.settings.has(name)) return 'setting';
      return first((s) => {
        if (s.parameters.has(name)) return 'parameter';
        if (s.lets.has(name)) return 'let';
        if (s.spaces.has(name)) return 'space';
        if (s.groups.has(name)) return 'group';
        if (s.transformations.has(name)) return 'transformations';
        if (s.classes.has(name)) return 'class';
        if (s.bounds.has(name)) return 'bound';
        return undefined;
      });
    },
  };
}

/** Refuted steps are errors (EB7001); undecided ones are errors (EB7002, EB7008) or, with --allow-undecided, warnings. */
function stepDiagnostics(checked: readonly CheckedDerivation[], allowUndecided: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { model, result } of checked) {
    result.steps.forEach((s, i) => {
      const span = model.steps[i]!.relSpan;
      const r = s.result;
      if (r.status === 'refuted') out.push(error('EB7001', `step ${i + 1} of \`${model.name}\` is false: ${r.reason}`, { span }));
      if (r.status === 'undecided') {
        const code = r.code === 'EB7008' ? 'EB7008' : 'EB7002';
        out.push((allowUndecided ? warning : error)(code, `step ${i + 1} of \`${model.name}\` is undecided: ${r.reason}`, { span }));
      }
    });
    if (result.summary.relation === undefined) out.push(warning('EB7003', `the chain \`${model.name}\` mixes <= (or <) with >= (or >), so it has no conclusion`, { span: model.nameSpan }));
  }
  return out;
}

function at(span: Span, sources: ReadonlyMap<string, string>): string {
  const { line, column } = lineColumn(sources.get(span.source) ?? '', span.start);
  return `${line}:${column}`;
}

/** About 12 significant digits of q, also when numerator and denominator overflow a double. */
function decimal(q: Rational): string {
  const bits = (x: bigint) => (x < 0n ? -x : x).toString(2).length;
  const shift = BigInt(Math.max(0, Math.max(bits(q.n), bits(q.d)) - 900));
  const x = Number(q.n >> shift) / Number(q.d >> shift);
  return Number.isFinite(x) && (x !== 0 || q.n === 0n) ? x.toPrecision(12).replace(/\.?0+(e|$)/, '$1') : q.toString();
}

function justificationText(j: JustificationModel<Expr, Rational>, checked?: Justification): string {
  switch (j.kind) {
    case 'algebra':
      return j.span ? 'by algebra' : 'algebra (no by)';
    case 'monotone':
      return 'by monotone';
    case 'interval': {
      // The box the prover was given: the ranges written, then those taken from declared domains.
      const box = checked?.kind === 'interval' ? checked.box : [];
      const range = (r: BoxRange) => `${r.variable}${r.integer ? ' integer' : ''} ${r.upper !== undefined ? `in [${r.lower}, ${r.upper}]` : `>= ${r.lower}`}`;
      const written = box.slice(0, j.box.length).map(range);
      const declared = box.slice(j.box.length).map(range);
      return `by interval${written.length > 0 ? ` for ${written.join(', ')}` : ''}${declared.length > 0 ? `; declared ${declared.join(', ')}` : ''}`;
    }
    case 'theorem':
      return `by theorem ${j.id}`;
    case 'known':
      return `by known ${j.fact}`;
  }
}

function reportText(checked: readonly CheckedDerivation[], sources: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  const totals = { proven: 0, verified: 0, refuted: 0, undecided: 0 };
  for (const { model, result } of checked) {
    lines.push(`derivation ${model.name} in ${model.setting} (${model.span.source}:${at(model.span, sources)})`);
    result.steps.forEach((s, i) => {
      const m = model.steps[i]!;
      const r = s.result;
      lines.push(`  ${at(m.relSpan, sources).padEnd(7)} ${s.rel.padEnd(2)}  ${statusWord[r.status].padEnd(9)}  ${r.reason}  [${justificationText(m.justification, s.justification)}]`);
      if (r.status === 'refuted') {
        const c = r.counterexample;
        const point = [...c.point].map(([k, v]) => `${k} = ${v.toString()}`).join(', ') || '(no variables)';
        const how = c.precision === 'exact' ? 'exact' : `${c.precision}-bit enclosures`;
        lines.push(`${' '.repeat(24)}counterexample: ${point}; lhs in [${decimal(c.lhs.lo)}, ${decimal(c.lhs.hi)}], rhs in [${decimal(c.rhs.lo)}, ${decimal(c.rhs.hi)}] (${how})`);
      }
      if (r.status === 'undecided' && r.remaining && r.remaining.length > 0) {
        const first = [...r.remaining[0]!].map(([k, v]) => (v.hi === undefined ? `${k} >= ${decimal(v.lo)}` : `${k} in [${decimal(v.lo)}, ${decimal(v.hi)}]`)).join(', ');
        lines.push(`${' '.repeat(24)}${r.remaining.length} open box(es) reported, e.g. ${first}`);
      }
    });
    const s = result.summary;
    lines.push(`  conclusion: ${s.message}`);
    totals.proven += s.proven;
    totals.verified += s.verified;
    totals.refuted += s.refuted;
    totals.undecided += s.undecided;
  }
  const steps = totals.proven + totals.verified + totals.refuted + totals.undecided;
  lines.push(`summary: ${checked.length} derivation(s), ${steps} step(s): ${totals.proven} proven, ${totals.verified} verified numerically (not proven), ${totals.refuted} refuted, ${totals.undecided} undecided`);
  return lines.join('\n') + '\n';
}

function reportJson(checked: readonly CheckedDerivation[], sources: ReadonlyMap<string, string>): Record<string, unknown> {
  const loc = (span: Span) => `${span.source}:${at(span, sources)}`;
  return {
    derivations: checked.map(({ model, result }) => ({
      name: model.name,
      setting: model.setting,
      location: loc(model.span),
      relation: result.summary.relation ?? null,
      established: result.summary.established,
      steps: result.steps.map((s, i) => {
        const m = model.steps[i]!;
        const r = s.result;
        return {
          location: loc(m.relSpan),
          relation: s.rel,
          lhs: m.lhs.text,
          rhs: m.rhs.text,
          justification: justificationText(m.justification, s.justification),
          status: r.status,
          reason: r.reason,
          code: r.code ?? null,
          ...(r.status === 'proven' ? { method: r.method } : {}),
          ...(r.status === 'verified-numerically' ? { points: r.points, digits: r.digits } : {}),
          ...(r.status === 'refuted'
            ? {
                counterexample: {
                  point: Object.fromEntries([...r.counterexample.point].map(([k, v]) => [k, v.toString()])),
                  lhs: { lo: r.counterexample.lhs.lo.toString(), hi: r.counterexample.lhs.hi.toString() },
                  rhs: { lo: r.counterexample.rhs.lo.toString(), hi: r.counterexample.rhs.hi.toString() },
                  precision: r.counterexample.precision,
                },
              }
            : {}),
          ...(r.status === 'undecided'
            ? { remaining: (r.remaining ?? []).map((b) => Object.fromEntries([...b].map(([k, v]) => [k, { lo: v.lo.toString(), hi: v.hi === undefined ? null : v.hi.toString() }]))) }
            : {}),
          ms: Math.round(s.ms),
        };
      }),
    })),
    summary: {
      derivations: checked.length,
      proven: sum(checked, 'proven'),
      verified: sum(checked, 'verified'),
      refuted: sum(checked, 'refuted'),
      undecided: sum(checked, 'undecided'),
    },
  };
}

function sum(checked: readonly CheckedDerivation[], k: 'proven' | 'verified' | 'refuted' | 'undecided'): number {
  return checked.reduce((n, c) => n + c.result.summary[k], 0);
}

export { progressLine } from './progress.js';
