// pgfplots/TikZ rendering of sampled curves (theory PlotData) for papers: one axis environment,
// \addplot coordinates per curve with its legend entry; optionally a complete document for pdflatex.

import { formatDecimal } from '../numeric/format.js';
import { midpoint, type PlotData } from '../theory/theorems/tradeoff-curves.js';

const COLOURS = ['blue', 'red', 'black!60!green', 'violet', 'orange', 'brown', 'magenta', 'cyan'];

function texComment(s: string): string {
  return s.split('\n').map((l) => `% ${l}`).join('\n');
}

/** Text for a TeX argument outside math mode: escapes the specials that plain labels may contain. */
export function texText(s: string): string {
  return s.replace(/\\/g, '\\textbackslash{}').replace(/([#$%&_{}])/g, '\\$1').replace(/\^/g, '\\^{}').replace(/~/g, '\\~{}');
}

/** The tikzpicture (needs \usepackage{pgfplots}). Coordinates carry 12 significant digits. */
export function plotPgfplots(plot: PlotData): string {
  const lines: string[] = [];
  lines.push(texComment(`${plot.title}\n${plot.provenance}`));
  lines.push('\\begin{tikzpicture}');
  lines.push('\\begin{axis}[');
  lines.push('  width=12cm, height=8cm,');
  lines.push(`  xlabel={${plot.xTex}}, ylabel={${plot.yTex}},`);
  if (plot.xScale === 'log') lines.push('  xmode=log, log basis x=10,');
  lines.push('  grid=major, legend pos=outer north east, legend cell align=left,');
  lines.push('  scaled ticks=false, tick label style={/pgf/number format/fixed},');
  lines.push(']');
  plot.curves.forEach((c, i) => {
    const style = [COLOURS[i % COLOURS.length]!, 'thick', 'mark=none', ...(c.dashed ? ['dashed'] : [])].join(', ');
    lines.push(`\\addplot[${style}] coordinates {`);
    for (const p of c.points) lines.push(`  (${formatDecimal(p.x, 12)}, ${formatDecimal(midpoint(p.y), 12)})`);
    lines.push('};');
    lines.push(`\\addlegendentry{${c.tex}}`);
  });
  lines.push('\\end{axis}');
  lines.push('\\end{tikzpicture}');
  return lines.join('\n') + '\n';
}

/** A complete article for pdflatex around the picture. */
export function plotPgfplotsDocument(plot: PlotData): string {
  return ['\\documentclass{article}', '\\usepackage{pgfplots}', '\\pgfplotsset{compat=1.16}', '\\pagestyle{empty}', '\\begin{document}', plotPgfplots(plot).trimEnd(), '\\end{document}', ''].join('\n');
}
