// The one registry of diagnostic codes. Bands: EB1xxx syntax, EB2xxx semantics, EB3xxx expressions,
// EB4xxx CAS cross-check, EB5xxx numerics, EB6xxx theorems, EB7xxx checker, EB9xxx CLI and I/O.
// A code is never reused; every code has a summary and a hint (tested).

export interface CodeSpec {
  readonly summary: string;
  readonly hint: string;
}

export const codes = {
  // syntax
  EB1001: { summary: 'unexpected input', hint: 'check the expression near the caret; operators are + - * / ^ and functions are called as f(x)' },
  EB1002: { summary: 'unclosed bracket', hint: 'every ( [ { needs its closing partner' },
  EB1003: { summary: 'bad number literal', hint: 'write numbers as 12, 1/100, 0.25, 2.5e-3 or 10^6' },
  EB1004: { summary: 'input too large', hint: 'split the input; one file or expression is limited in size' },
  EB1005: { summary: 'input is not text', hint: 'the file must be UTF-8 text without NUL bytes' },
  EB1006: { summary: 'empty input', hint: 'write an expression, e.g. sqrt(log(2/delta)/(2*n))' },
  EB1007: { summary: 'nesting too deep', hint: 'the expression nests brackets or operators too deeply; name parts with let' },
  EB1008: { summary: 'unterminated comment', hint: 'close a /* comment with */' },
  // -- syntax codes for expressions: add above this line (EB10xx)
  EB1101: { summary: 'unknown statement', hint: 'statements start with setting, param, data, model, space, group, transformations, class, loss, let, bound, show, derivation, theorem, hypothesis or include' },
  EB1102: { summary: 'expected `=`', hint: 'declarations are written NAME = definition, e.g. param n = 10^6 or space X = cube(side = 2, dim = d)' },
  EB1103: { summary: 'expected a name', hint: 'names start with a letter and continue with letters, digits or _' },
  EB1104: { summary: 'unterminated string', hint: 'close the file name with a double quote on the same line: include "file.eqb"' },
  EB1105: { summary: 'unknown output format', hint: 'formats are exact, decimal(N), latex and json, e.g. show x as decimal(50), latex' },
  EB1106: { summary: 'unexpected token in a statement', hint: 'compare the statement near the caret with its form, e.g. class F = lipschitz(L = 1, M = 1) on X equivariant to G' },
  EB1107: { summary: 'placeholder in a derivation', hint: 'a derivation has no placeholders: write every expression of the chain out in full (`...` is not an expression)' },
  // -- syntax codes for the language: add above this line (EB11xx)
  // semantics of the language (EB2xxx)
  EB2001: { summary: 'undefined name', hint: 'declare the name first (param, let, space, group, …) in this setting or at the top level' },
  EB2002: { summary: 'duplicate definition', hint: 'each name is declared once per scope; rename one of them' },
  EB2003: { summary: 'wrong kind of name', hint: 'a name declared as one kind (space, group, class, …) is used where another kind is expected' },
  EB2004: { summary: 'cyclic definition', hint: 'a let or parameter is defined in terms of itself; break the cycle' },
  EB2005: { summary: 'unknown catalog entry', hint: 'spaces: cube ball sphere circle torus simplex covering; groups: trivial cyclic dihedral signflips permutations SO finite; classes: lipschitz; losses: absolute squared hinge lipschitz' },
  EB2006: { summary: 'bad arguments for a catalog entry', hint: 'check the argument names and count, e.g. cube(side = 2, dim = d, metric = sup)' },
  EB2007: { summary: 'value outside its declared domain', hint: 'the value contradicts the declared interval or comparison; change one of them' },
  EB2008: { summary: 'integer required', hint: 'dimensions, group orders and word radii are integers' },
  EB2009: { summary: 'value must be positive', hint: 'dimensions, sizes, sample counts and Lipschitz constants are positive' },
  EB2010: { summary: 'value cannot be determined exactly', hint: 'declared values must evaluate to exact rationals when checked against a domain or used as a size' },
  EB2011: { summary: 'missing hypothesis', hint: 'equivariance needs a group or transformation set acting on the class\'s space: write group G = … acting on X' },
  EB2012: { summary: 'include failed', hint: 'included files are resolved relative to the including file and may not include each other in a cycle' },
  EB2013: { summary: 'covering variable mismatch', hint: 'write covering(r) = EXPR for r <= r0 with the same variable on both sides' },
  EB2014: { summary: 'empty domain', hint: 'the lower end of the interval must not exceed the upper end' },
  EB2015: { summary: 'misplaced statement', hint: 'spaces, groups, classes, losses and errors belong inside a setting block' },
  EB2016: { summary: 'duplicate derivation name', hint: 'each derivation has its own name; rename one of them' },
  EB2017: { summary: 'bad interval box', hint: 'a box range is x in [a, b] with exact rational ends a <= b (parameter values may be used) or the half-line x >= a, for a parameter of the setting, once per box' },
  EB2018: { summary: 'unknown known fact', hint: 'by known NAME names a fact of the checker\'s library (the message lists them), e.g. am-gm or log-le-linear' },
  EB2019: { summary: 'derivation without steps', hint: 'a derivation is a chain: an expression followed by at least one step such as <= e1 by algebra' },
  EB2030: { summary: 'duplicate theorem or hypothesis', hint: 'each theorem id and each named hypothesis is declared once in the program (the file and its includes)' },
  EB2031: { summary: 'unknown theorem field', hint: 'a theorem block has title, section, assumes, hypothesis, statement, constant, uses, proof and source' },
  EB2032: { summary: 'theorem field missing or repeated', hint: 'title, section, statement, proof and source are written once each; constant and hypothesis may repeat' },
  EB2033: { summary: 'unknown hypothesis', hint: 'assumes names a hypothesis declared at the top level (hypothesis NAME "statement"), e.g. in theorems/hypotheses.eqb' },
  EB2034: { summary: 'unknown or circular theorem use', hint: 'uses names theorems declared in the program (include their file); a theorem cannot use itself, directly or through others' },
  EB2040: { summary: 'not a parameter to sweep', hint: 'a table sweeps a parameter (param, data or model) of the setting its columns are read in, e.g. show table of equiv for n in [10^3, 10^6]' },
  EB2041: { summary: 'bad sweep values', hint: 'sweep values are exact numbers: a list [10^3, 10^6], or a range from A to B by factor F (F > 1, A > 0) or by step S (S > 0), with A <= B' },
  EB2042: { summary: 'too many rows in a table', hint: 'a table has at most 200 rows; use a larger factor or step, or fewer values' },
  EB2043: { summary: 'format not available in a table', hint: 'a table prints exact values exactly and the others to N digits: write as decimal(N); run --json gives the rows as JSON, and equibound latex a tabular' },
  EB2044: { summary: 'swept parameter fixed by a bound', hint: 'a bound argument such as n = 10^6 wins over the setting\'s parameter, so the sweep would not change it; remove the argument or sweep another parameter' },
  EB2035: { summary: 'duplicate notation', hint: 'a symbol has one notation per program; remove one of the notation lines' },
  // -- add above this line (EB2xxx)
  // expressions
  EB3001: { summary: 'division by zero', hint: 'a denominator is exactly zero' },
  EB3002: { summary: 'unknown function', hint: 'known functions: sqrt log exp min max ceil floor abs binomial factorial pos' },
  EB3003: { summary: 'wrong number of arguments', hint: 'check the function signature' },
  EB3004: { summary: 'number too large for exact arithmetic', hint: 'the exact value would need too many digits; use a decimal evaluation or smaller powers' },
  EB3005: { summary: 'undefined value', hint: 'the expression is undefined here (e.g. log of a non-positive number or a negative base to a fractional power)' },
  EB3006: { summary: 'bound variable clash', hint: 'an integration, sum or extremum variable shadows a name in scope; rename it' },
  EB3007: { summary: 'bad bound variable', hint: 'the second argument of integral, inf, sup, sum and limit is the variable it binds: a plain name such as t' },
  EB3008: { summary: 'not differentiable', hint: 'ceil, floor, factorial and binomial of the variable have no derivative; abs, pos, min and max have one only where the declared domains fix their sign or order (e.g. declare param x in (0, inf))' },
  EB3009: { summary: 'derivative through a binder not taken', hint: 'an integral is differentiated in its limits when the integrand is free of the variable and continuous; sums, extrema, limits and integrands that contain the variable are not differentiated' },
  EB3010: { summary: 'not a two-term power equation', hint: 'the solver takes a + b*x^q = 0 (at most two powers of x, coefficients and exponents free of x); other equations need a numeric root' },
  EB3011: { summary: 'sign not decided from the declared domains', hint: 'the root is positive only if a coefficient has a definite sign; narrow the domains of its parameters (e.g. param d in (2, inf))' },
  // -- add above this line (EB30xx)
  // CAS
  EB4001: { summary: 'CAS result rejected by the numerical cross-check', hint: 'the computer algebra system returned a result that is not equal to its input; the step is not used' },
  EB4002: { summary: 'CAS failed', hint: 'the computer algebra system could not perform this operation' },
  EB4003: { summary: 'CAS timed out', hint: 'the operation exceeded its time limit; simplify the input or split it' },
  EB4004: { summary: 'CAS result could not be read back', hint: 'the computer algebra system returned a form equibound does not understand' },
  EB4005: { summary: 'expression not representable in the CAS', hint: 'integrals, extrema, sums, limits and binomials are not sent to the computer algebra system; rewrite the step or evaluate it numerically' },
  EB4006: { summary: 'CAS did not compute the result', hint: 'the computer algebra system returned the operation unevaluated or found no closed form; no value is used' },
  // -- add above this line (EB40xx)
  // numerics
  EB5001: { summary: 'value is undefined at this point', hint: 'check the domain: log and fractional powers need positive arguments' },
  EB5002: { summary: 'precision out of range', hint: 'precision must be between 1 and 10000 digits' },
  EB5003: { summary: 'numerical method did not converge', hint: 'the result could not be certified to the requested precision' },
  EB5004: { summary: 'free symbol in a numeric evaluation', hint: 'give every parameter a value before evaluating' },
  EB5005: { summary: 'no sign change in the bracket', hint: 'the root finder needs a bracket with a certified sign change' },
  EB5006: { summary: 'engines disagree', hint: 'MPFR and decimal.js gave different digits; this is a bug, please report it' },
  EB5007: { summary: 'expression not supported by this evaluator', hint: 'integrals, extrema and limits are computed by quadrature and the extremum search, not by direct evaluation' },
  EB5008: { summary: 'value out of the representable range', hint: 'the value overflows the floating-point exponent range (about 2^(10^9)); rescale it, e.g. take its logarithm' },
  // -- evaluation and intervals: add above this line (EB50xx)
  // quadrature, crossings, roots, minimisation (EB51xx)
  EB5101: { summary: 'jump points cannot be located', hint: 'ceil/floor arguments must be (a t + b)/(c t + d) in the integration variable after substituting parameters; min/max/abs/pos kinks need such a difference' },
  EB5102: { summary: 'too many pieces', hint: 'the integrand has more jumps or kinks on the interval than the piece limit; shorten the interval or raise the limit' },
  EB5103: { summary: 'quadrature did not converge', hint: 'the error estimate did not reach the requested digits within the budget; lower the digits or split the interval' },
  EB5104: { summary: 'comparison undecidable at working precision', hint: 'an interval enclosure still contains the level after raising the precision; the two values may be equal' },
  EB5105: { summary: 'search budget exhausted', hint: 'the search did not finish within its iteration budget; give a tighter range' },
  EB5106: { summary: 'no certified minimum bracket', hint: 'no three points with f(middle) <= f(ends) were certified; the function may not be unimodal on the interval' },
  EB5107: { summary: 'predicate never holds in the range', hint: 'the predicate is false at the upper end of the integer range; widen the range' },
  EB5108: { summary: 'integrand not enclosable on a cell', hint: 'the interval enclosure of the integrand is unbounded or undefined on part of the interval (e.g. an improper endpoint)' },
  EB5109: { summary: 'quadrature precision above its limit', hint: 'quadrature values are limited to 1100 significant digits (beyond that one quadrature takes minutes: 1500 digits took 2 to 5); ask for fewer digits' },
  // -- add above this line (EB51xx)
  // theorems (EB6xxx)
  EB6010: { summary: 'group does not act by isometries on this space', hint: 'the theorems need a group acting on X by isometries (and mapping X onto itself); choose a space the group preserves' },
  EB6011: { summary: 'group and space not in the catalog', hint: 'no fundamental domain is known for this group on this space; declare a finite group with its fundamental domain and a covering assumption' },
  EB6012: { summary: 'covering assumption does not reach the coarsest scale', hint: 'a power law or formula used at loss scales up to B/2 must hold for r <= r0 with r0 >= B/(4 lambda L)' },
  EB6013: { summary: 'power-law closed form needs dimension d > 2', hint: 'gen.exact.power integrates t^(-d/2) to infinity; for d <= 2 use gen.exact' },
  EB6014: { summary: 'model Lipschitz constant below the target one', hint: 'approx.upper needs L >= L*: the interpolation (1 - s) f* + s Q f* must lie in the class' },
  EB6015: { summary: 'parameter required by the theorem is missing', hint: 'give the setting the parameter named in the message (e.g. eps, eta, L*)' },
  EB6016: { summary: 'unknown theorem id', hint: 'the ids are those of THEORY.md, e.g. gen.exact, gen.approx, tradeoff.excess' },
  EB6017: { summary: 'covering theorem does not apply to this space', hint: 'each cover.* theorem is for one kind of space; supply a covering assumption (cover.power or a formula) otherwise' },
  EB6018: { summary: 'theorem needs a finite group', hint: 'use gain.lie for a compact Lie group' },
  EB6019: { summary: 'theorem needs a compact Lie group of positive dimension', hint: 'use gain.finite for a finite group' },
  EB6020: { summary: 'theorem needs a set of transformations', hint: 'partial equivariance is stated for a transformation set T given with generators' },
  EB6021: { summary: 'word enumeration budget exhausted', hint: 'the group generated by T is larger than the search budget; raise the budget or give fewer generators' },
  EB6022: { summary: 'parameter outside the domain the theorem needs', hint: 'check the message: e.g. delta in (0, 1), n a positive integer, L, M, lambda, B positive' },
  EB6023: { summary: 'class is not exactly equivariant', hint: 'gen.exact and gen.exact.power are for Lip_G; an approximately equivariant class needs gen.approx' },
  EB6024: { summary: 'theorem needs the squared loss', hint: 'approx.l2 is a Pythagoras argument in L^2(mu)' },
  EB6025: { summary: 'input law not known to be invariant', hint: 'approx.l2 needs a G-invariant input law mu so that Q is an orthogonal projection' },
  EB6026: { summary: 'a numerical step of the theorem was not computed', hint: 'the value depends on a numeric routine that failed or is unavailable; the message names it' },
  EB6001: { summary: 'bound not evaluated', hint: 'a bound names its setting first, bound NAME = theorem.id(SETTING, …), and a show of it needs the bound to be evaluated' },
  EB6002: { summary: 'setting outside what the theorem library can instantiate', hint: 'the setting uses a space, group, loss or parameter the theorem library cannot map to THEORY.md; the message says which and how to restate it' },
  EB6061: { summary: 'a comparison in a search over n could not be decided', hint: 'the two sides agree to the digits tried; raise the precision or report the setting' },
  EB6027: { summary: 'class is approximately equivariant to a transformation set, not to a group', hint: 'eps bounds the error only on the set T; on the group T generates the error is up to m_H eps (partial.words), so use gen.partial' },
  // -- add above this line (EB6xxx)
  EB7001: { summary: 'derivation step refuted', hint: 'the step fails at the reported point (certified by a high-precision evaluation); check the direction, constants and exponents of the step' },
  EB7002: { summary: 'derivation step undecided', hint: 'the checker could neither prove nor refute the step within its budget; give a tighter box, split the step, or justify it differently' },
  EB7003: { summary: 'derivation chain has no valid conclusion', hint: 'a chain mixing <= (or <) with >= (or >) does not compose; reverse the offending step so every inequality points the same way' },
  EB7004: { summary: 'step is not an instance of the named fact', hint: 'the known fact did not match the step by substitution; check the fact name and the shape of both sides' },
  EB7005: { summary: 'bad interval box for a step', hint: 'each range must be [a, b] with a <= b or a half-line x >= a, with rational ends, and must cover every free symbol of the step' },
  EB7006: { summary: 'step only verified numerically', hint: 'the identity or inequality held at every sampled point but has no proof; use by interval over a box or a known fact for a proof' },
  EB7007: { summary: 'no derivation to check', hint: 'equibound check checks derivation blocks: derivation NAME in SETTING { e0 <= e1 by ... }; equibound run evaluates the shows' },
  EB7008: { summary: 'step exceeded its wall-clock limit', hint: 'the step did not finish within the time limit; split it, give a smaller box, or justify it differently' },
  EB7009: { summary: 'step is not an instance of the theorem', hint: 'by theorem ID(args) needs the step to be the theorem\'s statement for those arguments, up to rewriting, with a relation it implies; the message shows the statement and the arguments it takes' },
  EB7010: { summary: 'theorem has no arithmetic instance', hint: 'the theorem bounds an object that is not an expression (a covering number, a risk, a Rademacher complexity, an approximation error); justify the step about its expressions by algebra, interval or another theorem' },
  EB7011: { summary: 'hypothesis of the theorem not shown', hint: 'a hypothesis of the instance (such as d > 2 or 0 < delta < 1) does not follow from the declared domains; narrow the parameter\'s domain or pass other arguments' },
  // -- checker: add above this line (EB7xxx)
  // CLI and I/O (EB9xxx)
  EB9001: { summary: 'cannot read input', hint: 'check the path and permissions; use - to read from standard input' },
  EB9002: { summary: 'bad command line', hint: 'run equibound --help for the commands and options' },
  EB9003: { summary: 'internal error', hint: 'this is a bug in equibound; please report it with the input that triggered it' },
  EB9004: { summary: 'derivation checker not available (retired: no longer raised)', hint: 'equibound check checks derivations; this code is kept so that it is never reused' },
  EB9005: { summary: 'evaluation timed out', hint: 'the evaluation exceeded its time limit; lower the precision or simplify the expression' },
  EB9006: { summary: 'cannot write output file', hint: 'check that the directory of the -o file exists and is writable' },
  EB9007: { summary: 'bad LaTeX notation for a symbol', hint: 'a notation entry must be LaTeX math with balanced braces and no $, %, \\begin or \\end' },
  EB9008: { summary: 'unknown number of a bound', hint: 'a column "NAME" of BOUND names one of the numbers that equibound run prints for the bound, e.g. "alpha*(Gamma_G)" of equiv' },
  // -- add above this line (EB9xxx)
} as const satisfies Record<string, CodeSpec>;

export type DiagnosticCode = keyof typeof codes;
