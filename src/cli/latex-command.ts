// equibound latex: the settings, bounds and shows of a checked program as LaTeX fragments (src/report),
// optionally a standalone document (--standalone) and written to a file (-o FILE).

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { error, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { toLatex } from '../expr/print/latex.js';
import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { evaluateSync } from '../numeric/evaluate.js';
import { loadMpfr } from '../numeric/mpfr.js';
import { checkNotation, escapeText, latexFragments, latexStandalone, programReport, type BoundReport, type Notation } from '../report/index.js';
import type { TableData } from '../report/index.js';
import type { ArgumentModel, BoundModel, ShowModel } from '../semantics/model.js';
import { DEFAULT_PRECISION } from './args.js';
import type { CliIO } from './io.js';
import { loadTheoremLibrary, unknownTheorem, type BoundValue, type CheckedModel, type TheoremLibrary } from './theorem-library.js';

// The report evaluates synchronously (evaluateSync), so MPFR is loaded with this module; the CLI imports
// it only for the latex command. The library is looked up once, for the reason printed by latexDocument.
await loadMpfr();
const libraryAtLoad = await loadTheoremLibrary().catch(() => undefined);

export interface LatexRequest {
  /** The source's name as shown to the user (<stdin> for standard input): the title and the header comment. */
  readonly source: string;
  /** Digits of decimals without an explicit decimal(N). */
  readonly precision: number;
  /** A compilable document instead of fragments. */
  readonly standalone: boolean;
  /** Write the LaTeX here (relative to io.cwd) instead of returning it for standard output. */
  readonly output: string | null;
  /** Symbol name → LaTeX, over the defaults (eps → \varepsilon). */
  readonly notation?: Readonly<Record<string, string>>;
}

export interface LatexResult {
  /** The LaTeX for standard output; null when it was written to a file or could not be produced. */
  readonly text: string | null;
  /** The absolute path written by -o. */
  readonly written?: string;
  readonly diagnostics: Diagnostic[];
}

const evaluateClosed = (e: Expr, digits: number) => evaluateSync(e, new Map(), { digits });

/** The latex command: fragments or a standalone document, with the bounds the theorem library can evaluate. */
export async function latexCommand(model: CheckedModel, request: LatexRequest, io: CliIO): Promise<LatexResult> {
  // The file's `notation` lines, then the caller's entries over them.
  const fromFile = Object.fromEntries(model.notation.map((n) => [n.name, n.latex]));
  const notation = checkNotation({ ...fromFile, ...request.notation }, new Map(model.notation.filter((n) => !request.notation?.[n.name]).map((n) => [n.name, n.span])));
  if (!notation.ok) return { text: null, diagnostics: [...notation.diagnostics] };
  await loadMpfr();
  const diagnostics: Diagnostic[] = [];
  const library = await loadTheoremLibrary();
  const bounds = await evaluateBounds(model, library, request.precision, notation.value, diagnostics);
  const tables = await evaluateTables(model, library, request.precision, diagnostics);
  const report = programReport(model, { precision: request.precision, evaluate: evaluateClosed, notation: notation.value, bounds, tables });
  diagnostics.push(...report.diagnostics);
  const sections = [...report.sections];
  if (model.derivations.length > 0) {
    // Each derivation is checked (as by `check`) so its align* can state what each step's status is.
    const { checkDerivations } = await import('./check-command.js');
    const { derivationLatex } = await import('../report/derivation-latex.js');
    const checked = await checkDerivations(model, { allowUndecided: true });
    diagnostics.push(...checked.diagnostics); // a refuted step makes latex exit 1, as check does
    sections.push({ heading: 'Derivations.', parts: checked.checked.map((c) => derivationLatex(c.result, { name: c.model.name, notation: notation.value })) });
  }
  const text = request.standalone ? latexStandalone(sections, request.source) : latexFragments(sections, request.source);
  if (request.output === null) return { text, diagnostics };
  const path = resolve(io.cwd, request.output);
  try {
    writeFileSync(path, text);
  } catch (e) {
    return { text: null, diagnostics: [...diagnostics, error('EB9006', `cannot write ${request.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)] };
  }
  return { text: null, written: path, diagnostics };
}

/**
 * Fragments with the default precision and notation, synchronously; bounds are listed but not evaluated.
 * Kept for callers that have no CliIO (the command line goes through latexCommand).
 */
export function latexDocument(model: CheckedModel, source: string): string {
  const reason = libraryAtLoad ? 'bound values are computed by latexCommand, not latexDocument' : 'the theorem library is not available yet, EB6001';
  const bounds = new Map<string, BoundReport>();
  for (const s of [model.top, ...model.settings.values()]) for (const bd of s.bounds.values()) bounds.set(`${s.name ?? ''}/${bd.name}`, { kind: 'missing', reason });
  const report = programReport(model, { precision: DEFAULT_PRECISION, evaluate: evaluateClosed, bounds });
  return latexFragments(report.sections, source);
}

async function evaluateBounds(model: CheckedModel, library: TheoremLibrary | undefined, precision: number, notation: Notation, diagnostics: Diagnostic[]): Promise<Map<string, BoundReport>> {
  const out = new Map<string, BoundReport>();
  for (const s of [model.top, ...model.settings.values()]) {
    for (const bound of s.bounds.values()) {
      const key = `${s.name ?? ''}/${bound.name}`;
      if (!library || !library.theorems.has(bound.theorem)) {
        if (library) diagnostics.push(unknownTheorem(bound, library));
        out.set(key, { kind: 'missing', reason: `no theorem is named ${bound.theorem}, EB6016` });
        continue;
      }
      const setting = bound.setting ? model.settings.get(bound.setting) : undefined;
      if (!setting) {
        diagnostics.push(error('EB6001', `bound \`${bound.name}\` names no setting`, { span: bound.span, hint: 'write bound NAME = theorem.id(SETTING, …)' }));
        out.set(key, { kind: 'missing', reason: 'no setting' });
        continue;
      }
      const r = await library.evaluate(bound, setting, model, { digits: precision });
      if (!r.ok) {
        diagnostics.push(...r.diagnostics);
        out.set(key, { kind: 'missing', reason: r.diagnostics.map((d) => d.code).join(', ') || 'failed' });
        continue;
      }
      // The library's headline number when it computed one; else the closed form evaluated here.
      const headline = r.value.numbers?.[0];
      const digits = headline?.text !== undefined ? ok({ text: headline.text }) : evaluateClosed(r.value.value, precision);
      if (!digits.ok) diagnostics.push(...digits.diagnostics.map((d) => ({ ...d, span: d.span ?? bound.span })));
      const exact = headline?.text !== undefined ? headline.exact : digits.ok && 'exact' in digits.value && digits.value.exact !== undefined && Rational.parseDecimal(digits.value.text)?.equals(digits.value.exact as Rational) === true;
      out.set(key, {
        kind: 'evaluated',
        value: r.value.value,
        data: {
          kind: 'bound',
          name: bound.name,
          theoremId: bound.theorem,
          hypotheses: hypotheses(bound, notation),
          bound: r.value.value,
          ...(digits.ok ? { value: digits.value.text, valueExact: exact } : {}),
          ...(r.value.vacuous ? { vacuous: true } : {}),
          ...(r.value.relationSymbol ? { relation: r.value.relationSymbol } : {}),
          ...(headline?.text !== undefined && !headline.exact && !headline.certified ? { valueCertified: false } : {}),
        },
      });
    }
  }
  return out;
}

/** Every table of the program, its rows evaluated as `run` evaluates them. */
async function evaluateTables(model: CheckedModel, library: TheoremLibrary | undefined, precision: number, diagnostics: Diagnostic[]): Promise<Map<ShowModel<Expr, Rational>, TableData>> {
  const out = new Map<ShowModel<Expr, Rational>, TableData>();
  const shows = model.shows.filter((s) => s.table);
  if (shows.length === 0 || !library) return out;
  const { evaluateTable } = await import('./table-sweep.js');
  const cache = new Map<string, Result<BoundValue>>();
  for (const show of shows) {
    const r = await evaluateTable(model, show, { precision, library, evaluate: async (e, digits) => evaluateClosed(e, digits), cache });
    diagnostics.push(...r.diagnostics);
    out.set(show, r.data);
  }
  return out;
}

/** The instantiation as the program states it: the setting and each explicit argument. */
function hypotheses(bound: BoundModel<Expr>, notation: Notation): string[] {
  const tt = (s: string) => `\\texttt{${escapeText(s)}}`;
  const arg = (a: ArgumentModel<Expr>): string => {
    switch (a.kind) {
      case 'value':
        return `${tt(a.name)} $= ${toLatex(a.value, { symbols: notation })}$`;
      case 'word':
        return `${tt(a.name)} $=$ ${tt(a.word)}`;
      case 'reference':
        return `${tt(a.name)} $=$ ${tt(a.target)}`;
      case 'entry':
        return `${tt(a.name)} $=$ ${tt(a.entry.entry)}`;
      default: {
        const never: never = a;
        throw new Error(`unknown argument ${(never as ArgumentModel<Expr>).kind}`);
      }
    }
  };
  return [...(bound.setting ? [`the setting ${tt(bound.setting)}`] : []), ...[...bound.args.values()].map(arg)];
}
