// Evaluates a `show table of … for SWEEP`: per row, the bounds its columns use (through the theorem library,
// in the row's scopes) and each column's cell, with the labels `run` prints. Shared by run and latex.

import { error, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { exactValue } from '../expr/exact.js';
import type { Rational } from '../expr/rational.js';
import { substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { Approximation } from '../numeric/api.js';
import { sweepValueTexts, type TableCell, type TableData } from '../report/index.js';
import type { ShowModel, TableRowModel } from '../semantics/model.js';
import { closest } from '../syntax/did-you-mean.js';
import { directlyEvaluable } from './closed-value.js';
import { unknownTheorem, type BoundValue, type CheckedModel, type TheoremLibrary } from './theorem-library.js';

type Row = TableRowModel<Expr, Rational>;

export interface SweepOptions {
  /** Digits of a cell without decimal(N) in the show. */
  readonly precision: number;
  readonly library: TheoremLibrary;
  /** A closed expression to `digits` (the run's time-limited evaluator, or the report's engine). */
  readonly evaluate: (e: Expr, digits: number) => Promise<Result<Approximation>>;
  /** Called with the rows done (0 first, then after each row). */
  readonly progress?: (done: number, total: number) => void;
  /** Bound values by bound, row and digits, shared by the tables of one command. */
  readonly cache?: Map<string, Result<BoundValue>>;
  /** A bound's evaluation taking longer stops the table (EB9005): the rows after it are not evaluated. */
  readonly cellLimitMs?: number;
}

export interface TableResult {
  readonly data: TableData;
  readonly diagnostics: Diagnostic[];
}

export const CELL_LIMIT_MS = 10_000;

export async function evaluateTable(model: CheckedModel, show: ShowModel<Expr, Rational>, opts: SweepOptions): Promise<TableResult> {
  const table = show.table!;
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const once = (key: string, d: Diagnostic) => {
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push(d);
  };
  const decimal = show.formats.find((f) => f.kind === 'decimal');
  const digits = decimal?.kind === 'decimal' && decimal.digits !== null ? decimal.digits : opts.precision;
  const columns = show.items.map((item, i) => {
    const number = table.numbers[i];
    const label = number ? `"${number.name}" of ${item.text}` : item.text.replace(/\s+/g, ' ');
    if (number && item.bound) return { label, expr: null, number: { name: number.name, bound: item.bound } };
    // A column that is a name is headed by the name (a let's definition is printed where the let is).
    return { label, expr: /^[A-Za-z][A-Za-z0-9_]*$/.test(label) ? b.sym(label) : item.symbolic };
  });
  const data = { setting: show.setting, parameter: table.parameter, columns, rows: [] as { value: Rational; cells: TableCell[] }[] };
  if (digits < 1 || digits > 10_000) {
    diagnostics.push(error('EB5002', `decimal(${digits}) is out of range`, { span: decimal!.span }));
    return { data, diagnostics };
  }
  const limit = opts.cellLimitMs ?? CELL_LIMIT_MS;
  const cache = opts.cache ?? new Map<string, Result<BoundValue>>();
  let stopped: string | undefined;
  const texts = sweepValueTexts(table.rows.map((row) => row.value));
  opts.progress?.(0, table.rows.length);
  for (const [r, row] of table.rows.entries()) {
    const at = `${table.parameter} = ${texts[r]}`;
    if (stopped) {
      data.rows.push({ value: row.value, cells: show.items.map(() => ({ kind: 'missing', reason: stopped! })) });
      continue;
    }
    const bounds = new Map<string, BoundValue | undefined>();
    for (const name of new Set(show.items.flatMap((i) => (i.bound !== null ? [i.bound] : i.bounds)))) {
      const started = Date.now();
      const v = await boundIn(model, show, row, name, digits, opts.library, cache, table.parameter);
      const took = Date.now() - started;
      if (v.ok) bounds.set(name, v.value);
      else {
        bounds.set(name, undefined);
        for (const d of v.diagnostics) once(`${name}:${d.code}:${d.message}`, { ...d, message: `${at}: ${d.message}` });
      }
      if (took > limit && !stopped) {
        stopped = `the table stopped at ${at}, over the time limit`;
        diagnostics.push(error('EB9005', `\`${name}\` at ${at} took ${(took / 1000).toFixed(1)} s, over the ${limit / 1000} s limit of a table cell; the rows after it were not evaluated`, { span: row.span }));
      }
    }
    const cells: TableCell[] = [];
    for (const i of show.items.keys()) cells.push(await cell(show, row, i, bounds, digits, opts, once, at));
    data.rows.push({ value: row.value, cells });
    opts.progress?.(r + 1, table.rows.length);
  }
  return { data, diagnostics };
}

/** The bound `name` as the show reads it, evaluated in the row's scopes (cached by row value and digits). */
async function boundIn(model: CheckedModel, show: ShowModel<Expr, Rational>, row: Row, name: string, digits: number, library: TheoremLibrary, cache: Map<string, Result<BoundValue>>, parameter: string): Promise<Result<BoundValue>> {
  const local = show.setting !== null ? row.settings.get(show.setting) : undefined;
  const scope = local?.bounds.has(name) ? local : row.top;
  const bound = scope.bounds.get(name)!;
  const key = `${scope.name ?? ''}/${name}|${parameter}=${row.value.toString()}|${digits}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const setting = bound.setting ? row.settings.get(bound.setting) : undefined;
  let r: Result<BoundValue>;
  if (!library.theorems.has(bound.theorem)) r = { ok: false, diagnostics: [unknownTheorem(bound, library)] };
  else if (!setting) r = { ok: false, diagnostics: [error('EB6001', `bound \`${bound.name}\` names no setting`, { span: bound.span, hint: 'write bound NAME = theorem.id(SETTING, …)' })] };
  else r = await library.evaluate(bound, setting, { ...model, top: row.top, settings: row.settings }, { digits });
  cache.set(key, r);
  return r;
}

async function cell(
  show: ShowModel<Expr, Rational>,
  row: Row,
  i: number,
  bounds: ReadonlyMap<string, BoundValue | undefined>,
  digits: number,
  opts: SweepOptions,
  once: (key: string, d: Diagnostic) => void,
  at: string,
): Promise<TableCell> {
  const item = show.items[i]!;
  const number = show.table!.numbers[i];
  if (item.bound !== null) {
    const v = bounds.get(item.bound);
    if (!v) return { kind: 'missing', reason: `bound ${item.bound} was not evaluated` };
    const n = number ? v.numbers?.find((x) => x.name === number.name) : v.numbers?.[0];
    if (number && !n) {
      const names = (v.numbers ?? []).map((x) => x.name);
      const guess = closest(number.name, names);
      once(`number:${i}`, error('EB9008', `bound \`${item.bound}\` has no number "${number.name}"`, { span: number.span, hint: `${guess ? `did you mean "${guess}"? ` : ''}its numbers are ${names.map((x) => `"${x}"`).join(', ')}` }));
      return { kind: 'missing', reason: `no number ${number.name}` };
    }
    if (n && n.text !== undefined) return { kind: 'value', text: n.text, exact: n.exact, certified: n.exact || n.certified, vacuous: n.vacuous === true };
    if (n) {
      once(`headline:${i}`, error('EB6026', `${at}: ${item.bound}: ${n.name} ${n.note ?? 'was not computed'}`, { span: item.span }));
      return { kind: 'missing', reason: n.note ?? 'not computed' };
    }
  }
  let value = row.items[i]!;
  if (item.bounds.length > 0) {
    const env = new Map<string, Expr>();
    for (const name of item.bounds) {
      const v = bounds.get(name);
      if (!v) return { kind: 'missing', reason: `bound ${name} was not evaluated` };
      if (!directlyEvaluable(v.value)) {
        once(`closed:${i}`, error('EB6026', `${at}: \`${name}\` has no closed value (an inf over an integral), so an expression of it is not evaluated`, { span: item.span, hint: 'make the bound itself a column; for the ratio of the equivariant and unconstrained bounds use gain.finite' }));
        return { kind: 'missing', reason: `${name} has no closed value` };
      }
      env.set(name, v.value);
    }
    value = substitute(value, env);
  }
  const exact = exactValue(value, new Map());
  if (!exact.ok) {
    once(`exact:${i}`, { ...exact.diagnostics[0]!, message: `${at}: ${exact.diagnostics[0]!.message}`, span: exact.diagnostics[0]!.span ?? item.span });
    return { kind: 'missing', reason: exact.diagnostics[0]!.message };
  }
  if (exact.value.kind === 'rational') return { kind: 'value', text: exact.value.value.toString(), exact: true, certified: true, vacuous: false };
  const r = await opts.evaluate(exact.value.expr, digits);
  if (!r.ok) {
    once(`decimal:${i}`, { ...r.diagnostics[0]!, message: `${at}: ${r.diagnostics[0]!.message}`, span: r.diagnostics[0]!.span ?? item.span });
    return { kind: 'missing', reason: r.diagnostics[0]!.message };
  }
  const point = r.value.lower.equals(r.value.upper) ? r.value.lower : undefined;
  if (point) return { kind: 'value', text: point.toString(), exact: true, certified: true, vacuous: false };
  return { kind: 'value', text: r.value.text, exact: false, certified: r.value.correctlyRounded, vacuous: false };
}
