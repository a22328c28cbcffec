// SVG rendering of sampled curves (theory PlotData): axes with ticks and labels, a log axis for n, a
// legend, one polyline per curve. Pure text out; numbers become pixels only here.

import { Rational } from '../expr/rational.js';
import { formatDecimal } from '../numeric/format.js';
import { midpoint, type PlotData } from '../theory/theorems/tradeoff-curves.js';

export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
const DASH = ['', '6 4', '2 3', '8 3 2 3'];

const W = 800;
const W_LEGEND_ROW = 18;
const M = { left: 80, right: 24, top: 48, bottom: 64 };

/** Height: the frame plus the legend rows below it (two columns). */
const heightFor = (curves: number) => 440 + M.bottom + W_LEGEND_ROW * Math.ceil(curves / 2) + 16;

const toNumber = (q: Rational): number => Number(formatDecimal(q, 17));

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 1-2-5 ticks covering [lo, hi]. */
export function linearTicks(lo: number, hi: number, target = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

/** Decades 10^k within [lo, hi] (lo > 0). */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const step = Math.max(1, Math.ceil((Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo))) / 8));
  for (let k = Math.ceil(Math.log10(lo)); k <= Math.floor(Math.log10(hi)); k += step) out.push(10 ** k);
  return out;
}

export function tickLabel(v: number, log: boolean): string {
  if (log) {
    const k = Math.round(Math.log10(v));
    return k >= 0 && k <= 3 ? String(10 ** k) : `1e${k}`;
  }
  return Number(v.toPrecision(6)).toString();
}

export interface Frame {
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  readonly xTicks: number[];
  readonly yTicks: number[];
  readonly log: boolean;
}

/** The data range of a plot, padded a little in y; shared with the pgfplots renderer. */
export function ranges(plot: PlotData): { x: [number, number]; y: [number, number] } {
  const xs = plot.curves.flatMap((c) => c.points.map((p) => toNumber(p.x)));
  const ys = plot.curves.flatMap((c) => c.points.map((p) => toNumber(midpoint(p.y))));
  let [ylo, yhi] = [Math.min(...ys), Math.max(...ys)];
  if (ylo === yhi) [ylo, yhi] = [ylo - 1, yhi + 1];
  const pad = (yhi - ylo) * 0.05;
  // A non-negative range that comes close to 0 starts at 0.
  const bottom = ylo >= 0 && ylo - pad < 0 ? 0 : ylo - pad;
  return { x: [Math.min(...xs), Math.max(...xs)], y: [bottom, yhi + pad] };
}

function frame(plot: PlotData, H: number): Frame {
  const r = ranges(plot);
  const log = plot.xScale === 'log';
  const [x0, x1] = log ? [Math.log10(r.x[0]), Math.log10(r.x[1])] : r.x;
  const span = x1 - x0 || 1;
  const x = (v: number) => M.left + (((log ? Math.log10(v) : v) - x0) / span) * (W - M.left - M.right);
  const bottom = H - M.bottom - legendHeight(plot);
  const y = (v: number) => bottom - ((v - r.y[0]) / (r.y[1] - r.y[0])) * (bottom - M.top);
  return { x, y, xTicks: log ? logTicks(r.x[0], r.x[1]) : linearTicks(r.x[0], r.x[1]), yTicks: linearTicks(r.y[0], r.y[1]), log };
}

const f1 = (v: number) => v.toFixed(1);
const legendHeight = (plot: PlotData) => W_LEGEND_ROW * Math.ceil(plot.curves.length / 2) + 16;

/** The plot as a standalone SVG document. */
export function plotSvg(plot: PlotData): string {
  const H = heightFor(plot.curves.length);
  const fr = frame(plot, H);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">`);
  out.push(`<!-- ${escapeXml(plot.provenance).replace(/--/g, '- -')} -->`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${W / 2}" y="28" text-anchor="middle" font-size="16">${escapeXml(plot.title)}</text>`);
  const [left, right, top, bottom] = [M.left, W - M.right, M.top, H - M.bottom - legendHeight(plot)];
  out.push(`<g stroke="#e5e5e5" stroke-width="1">`);
  for (const t of fr.xTicks) out.push(`<line x1="${f1(fr.x(t))}" y1="${top}" x2="${f1(fr.x(t))}" y2="${bottom}"/>`);
  for (const t of fr.yTicks) out.push(`<line x1="${left}" y1="${f1(fr.y(t))}" x2="${right}" y2="${f1(fr.y(t))}"/>`);
  out.push('</g>');
  out.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="black" stroke-width="1"/>`);
  out.push('<g text-anchor="middle">');
  for (const t of fr.xTicks) out.push(`<line x1="${f1(fr.x(t))}" y1="${bottom}" x2="${f1(fr.x(t))}" y2="${bottom + 5}" stroke="black"/><text x="${f1(fr.x(t))}" y="${bottom + 20}">${tickLabel(t, fr.log)}</text>`);
  out.push('</g><g text-anchor="end">');
  for (const t of fr.yTicks) out.push(`<line x1="${left - 5}" y1="${f1(fr.y(t))}" x2="${left}" y2="${f1(fr.y(t))}" stroke="black"/><text x="${left - 8}" y="${f1(fr.y(t) + 4)}">${tickLabel(t, false)}</text>`);
  out.push('</g>');
  out.push(`<text x="${(left + right) / 2}" y="${bottom + 42}" text-anchor="middle">${escapeXml(plot.xLabel)}${fr.log ? ' (log scale)' : ''}</text>`);
  out.push(`<text x="20" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 20 ${(top + bottom) / 2})">${escapeXml(plot.yLabel)}</text>`);
  plot.curves.forEach((c, i) => {
    const pts = c.points.map((p) => `${f1(fr.x(toNumber(p.x)))},${f1(fr.y(toNumber(midpoint(p.y))))}`).join(' ');
    const dash = c.dashed ? ` stroke-dasharray="${DASH[1 + (i % (DASH.length - 1))]}"` : '';
    out.push(`<polyline fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="2"${dash} points="${pts}"/>`);
  });
  // Legend: two columns below the axis label, each entry a line sample and the curve's label.
  const colW = (right - left) / 2;
  const ly = bottom + 56;
  out.push(`<g class="legend"><rect x="${left}" y="${ly}" width="${right - left}" height="${legendHeight(plot) - 4}" fill="white" stroke="#999"/>`);
  plot.curves.forEach((c, i) => {
    const lx = left + (i % 2) * colW;
    const yy = ly + 4 + W_LEGEND_ROW * Math.floor(i / 2) + W_LEGEND_ROW / 2 + 2;
    const dash = c.dashed ? ` stroke-dasharray="${DASH[1 + (i % (DASH.length - 1))]}"` : '';
    out.push(`<line x1="${f1(lx + 8)}" y1="${f1(yy)}" x2="${f1(lx + 38)}" y2="${f1(yy)}" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="2"${dash}/><text x="${f1(lx + 44)}" y="${f1(yy + 4)}">${escapeXml(c.label)}</text>`);
  });
  out.push('</g></svg>');
  return out.join('\n') + '\n';
}
