// equibound plot: samples E(eps) and its parts over an eps range, or Gamma against n for the setting's
// group and its alternatives, and writes SVG or pgfplots (src/report) for a checked setting of the file.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { error, fail, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { Rational } from '../expr/rational.js';
import { plotPgfplots, plotPgfplotsDocument, texText } from '../report/plot-pgfplots.js';
import { plotSvg } from '../report/plot-svg.js';
import type { BoundModel } from '../semantics/model.js';
import { buildContext } from '../theory/context.js';
import { groupName } from '../theory/groups.js';
import { settingFromScope } from '../theory/library.js';
import { value, type GroupSpec, type Setting } from '../theory/setting.js';
import { boundVersusN, excessCurves, geometricSizes, samplePoints, type PlotData } from '../theory/theorems/tradeoff-curves.js';
import type { CliIO } from './io.js';
import type { CheckedModel } from './theorem-library.js';

export interface PlotRequest {
  readonly setting: string | null;
  readonly over: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly points: string | null;
  readonly format: string | null;
  readonly output: string | null;
}

export interface PlotResult {
  readonly text: string | null;
  readonly written?: string;
  readonly diagnostics: Diagnostic[];
}

const bad = (message: string) => fail(error('EB9002', message));

/** 0, 3, 1/10, 0.05, 1e6, 10^6 as an exact rational. */
export function parseRationalText(text: string): Rational | undefined {
  const t = text.trim();
  const pow = /^(\d+)\^(\d+)$/.exec(t);
  if (pow) return Number(pow[2]) <= 40 ? Rational.of(BigInt(pow[1]!) ** BigInt(pow[2]!)) : undefined;
  const frac = /^(-?\d+)\/(\d+)$/.exec(t);
  if (frac) return BigInt(frac[2]!) === 0n ? undefined : Rational.of(BigInt(frac[1]!), BigInt(frac[2]!));
  return Rational.parseDecimal(t);
}

/** The group's name for a pgfplots legend. */
function groupTex(g: GroupSpec): string {
  switch (g.kind) {
    case 'signflips':
      return `$G = \\{\\pm 1\\}^{${g.d}}$`;
    case 'permutations':
      return `$G = S_{${g.d}}$`;
    case 'cyclic':
      return `$G = C_{${g.m}}$`;
    case 'dihedral':
      return `$G = D_{${g.m}}$`;
    default:
      return `$G$ = ${texText(groupName(g))}`;
  }
}

/** Alternatives to the setting's group on the same space, for the bound-versus-n plot. */
function groupsFor(setting: Setting): GroupSpec[] {
  const s = setting.space;
  const out: GroupSpec[] = [setting.group];
  if (s.kind === 'cube') out.push({ kind: 'signflips', d: s.dim }, { kind: 'permutations', d: s.dim });
  if (s.kind === 'circle') out.push({ kind: 'cyclic', m: 4 }, { kind: 'dihedral', m: 4 });
  const seen = new Set<string>();
  return out.filter((g) => g.kind !== 'trivial' && !seen.has(JSON.stringify(g)) && (seen.add(JSON.stringify(g)), true));
}

async function plotData(model: CheckedModel, req: PlotRequest): Promise<Result<PlotData>> {
  const names = [...model.settings.keys()];
  const name = req.setting ?? (names.length === 1 ? names[0]! : null);
  if (name === null) return bad(`plot needs --setting NAME (the file has ${names.length === 0 ? 'no settings' : `the settings ${names.join(', ')}`})`);
  const scope = model.settings.get(name);
  if (!scope) return bad(`no setting '${name}' in the file${names.length ? `; the settings are ${names.join(', ')}` : ''}`);
  const span = scope.span ?? { file: '', start: 0, end: 0 };
  const bound = { name: 'plot', span, theorem: 'tradeoff.excess', theoremSpan: span, setting: name, args: new Map() } as unknown as BoundModel<never>;
  const mapped = settingFromScope(scope, model, bound);
  if (!mapped.ok) return mapped;
  const setting = mapped.value;
  const over = req.over ?? 'eps';
  const points = req.points === null ? (over === 'n' ? 13 : 41) : Number(req.points);
  if (!Number.isInteger(points) || points < 2 || points > 2001) return bad(`--points needs an integer between 2 and 2001, not '${req.points}'`);
  if (over === 'eps' || over === 'epsilon') {
    const from = parseRationalText(req.from ?? '0');
    const eta = setting.eta && 'value' in setting.eta ? setting.eta.value : undefined;
    if (eta === undefined) return fail(error('EB6015', `plotting E(eps) needs the data equivariance error eta with a known value in setting ${name}`));
    const to = parseRationalText(req.to ?? eta.mul(Rational.TWO).toString());
    if (!from || !to || from.sign < 0 || !from.lt(to)) return bad(`--from and --to need rationals 0 <= from < to, not '${req.from}', '${req.to}'`);
    const ctx = await buildContext({ ...setting, hypothesisClass: { ...setting.hypothesisClass, equivariance: 'approximate' }, eps: value(from) });
    if (!ctx.ok) return ctx;
    return excessCurves(ctx.value, eta, samplePoints(from, to, points));
  }
  if (over === 'n') {
    const from = parseRationalText(req.from ?? '100');
    const to = parseRationalText(req.to ?? '10^9');
    if (!from || !to || !from.isInteger() || !to.isInteger() || from.sign <= 0 || !from.lt(to) || to.compare(Rational.of(10n ** 15n)) > 0)
      return bad(`--from and --to need integers 1 <= from < to <= 10^15 for --over n, not '${req.from}', '${req.to}'`);
    const settings = groupsFor(setting).map((g) => ({ label: `G = ${groupName(g)}`, tex: groupTex(g), setting: { ...setting, group: g } }));
    return boundVersusN(settings, geometricSizes(from.n, to.n, points));
  }
  return bad(`--over must be eps or n, not '${over}'`);
}

/** The plot command: SVG (default) or pgfplots, to standard output or -o FILE. */
export async function plotCommand(model: CheckedModel, req: PlotRequest, io: CliIO): Promise<PlotResult> {
  const format = req.format ?? (req.output?.endsWith('.tex') ? 'pgfplots' : 'svg');
  if (format !== 'svg' && format !== 'pgfplots' && format !== 'pgfplots-document') return { text: null, diagnostics: [error('EB9002', `--format must be svg, pgfplots or pgfplots-document, not '${format}'`)] };
  const data = await plotData(model, req);
  if (!data.ok) return { text: null, diagnostics: [...data.diagnostics] };
  const text = format === 'svg' ? plotSvg(data.value) : format === 'pgfplots' ? plotPgfplots(data.value) : plotPgfplotsDocument(data.value);
  if (req.output === null) return { text, diagnostics: [] };
  const path = resolve(io.cwd, req.output);
  try {
    writeFileSync(path, text);
  } catch (e) {
    return { text: null, diagnostics: [error('EB9006', `cannot write ${req.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)] };
  }
  return { text: null, written: path, diagnostics: [] };
}


