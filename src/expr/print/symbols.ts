// How symbol names are written in LaTeX: Greek names become commands, trailing digits and _parts
// become subscripts, _star becomes ^*, other multi-letter names are upright. A map of overrides comes first.

/** Names written as a LaTeX command. eps and epsilon are the varepsilon of the papers. */
export const defaultSymbolMap: Readonly<Record<string, string>> = {
  alpha: '\\alpha',
  beta: '\\beta',
  gamma: '\\gamma',
  delta: '\\delta',
  eps: '\\varepsilon',
  epsilon: '\\varepsilon',
  varepsilon: '\\varepsilon',
  zeta: '\\zeta',
  eta: '\\eta',
  theta: '\\theta',
  vartheta: '\\vartheta',
  iota: '\\iota',
  kappa: '\\kappa',
  lambda: '\\lambda',
  mu: '\\mu',
  nu: '\\nu',
  xi: '\\xi',
  pi: '\\pi',
  rho: '\\rho',
  varrho: '\\varrho',
  sigma: '\\sigma',
  tau: '\\tau',
  upsilon: '\\upsilon',
  phi: '\\phi',
  varphi: '\\varphi',
  chi: '\\chi',
  psi: '\\psi',
  omega: '\\omega',
  Gamma: '\\Gamma',
  Delta: '\\Delta',
  Theta: '\\Theta',
  Lambda: '\\Lambda',
  Xi: '\\Xi',
  Pi: '\\Pi',
  Sigma: '\\Sigma',
  Upsilon: '\\Upsilon',
  Phi: '\\Phi',
  Psi: '\\Psi',
  Omega: '\\Omega',
  ell: '\\ell',
  infinity: '\\infty',
};

/** Suffixes written as superscripts: L_star is L^*. */
const superscripts: Readonly<Record<string, string>> = {
  star: '*',
  prime: '\\prime',
  plus: '+',
  minus: '-',
};

export interface SymbolLatex {
  /** The LaTeX of the name. */
  readonly latex: string;
  /** True when it ends in a superscript, so that a power must brace it: {\alpha^*}^{2}. */
  readonly hasSuperscript: boolean;
}

/** Characters LaTeX treats specially, escaped so that any symbol name typesets (the parser only makes [A-Za-z0-9_]). */
function escapeText(s: string): string {
  return s.replace(/[\\{}#$%&_^~]/g, (c) => (c === '\\' ? '\\backslash ' : c === '^' || c === '~' ? `\\${c}{}` : `\\${c}`));
}

function script(s: string): string {
  return s.length === 1 ? s : `{${s}}`;
}

/** The head of a name (before digits and _parts): a mapped command, one letter, or upright text. */
function head(name: string, map: Readonly<Record<string, string>>): string {
  const mapped = map[name] ?? defaultSymbolMap[name];
  if (mapped !== undefined) return mapped;
  if (/^\d+$/.test(name) || name.length === 1) return name;
  return `\\mathrm{${escapeText(name)}}`;
}

export function symbolLatex(name: string, overrides: Readonly<Record<string, string>> = {}): SymbolLatex {
  const whole = overrides[name];
  if (whole !== undefined) return { latex: whole, hasSuperscript: /\^(?:\{[^}]*\}|\\?[A-Za-z*+-])\s*$/.test(whole) };
  const underscore = name.indexOf('_');
  if (underscore > 0 && underscore < name.length - 1) {
    const base = symbolLatex(name.slice(0, underscore), overrides);
    const rest = name.slice(underscore + 1);
    const sup = superscripts[rest];
    const baseLatex = base.hasSuperscript ? `{${base.latex}}` : base.latex;
    if (sup !== undefined) return { latex: `${baseLatex}^${script(sup)}`, hasSuperscript: true };
    const sub = symbolLatex(rest, overrides);
    return { latex: `${baseLatex}_${sub.latex.length === 1 ? sub.latex : `{${sub.latex}}`}`, hasSuperscript: false };
  }
  // Trailing digits are an index: x0 is x_0, ell0 is \ell_0.
  const m = /^([A-Za-z]+)(\d+)$/.exec(name);
  if (m) return { latex: `${head(m[1]!, overrides)}_${script(m[2]!)}`, hasSuperscript: false };
  return { latex: head(name, overrides), hasSuperscript: false };
}
