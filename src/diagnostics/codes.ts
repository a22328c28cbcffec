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
  // -- syntax codes for expressions: add above this line (EB10xx)
  // -- syntax codes for the language: add above this line (EB11xx)
  // semantics of the language (EB2xxx)
  // -- add above this line (EB2xxx)
  // expressions
  EB3001: { summary: 'division by zero', hint: 'a denominator is exactly zero' },
  EB3002: { summary: 'unknown function', hint: 'known functions: sqrt log exp min max ceil floor abs binomial factorial pos' },
  EB3003: { summary: 'wrong number of arguments', hint: 'check the function signature' },
  EB3004: { summary: 'number too large for exact arithmetic', hint: 'the exact value would need too many digits; use a decimal evaluation or smaller powers' },
  EB3005: { summary: 'undefined value', hint: 'the expression is undefined here (e.g. log of a non-positive number, 0^0 or a negative base to a fractional power)' },
  EB3006: { summary: 'bound variable clash', hint: 'an integration, sum or extremum variable shadows a name in scope; rename it' },
  // -- add above this line (EB30xx)
  // CAS
  EB4001: { summary: 'CAS result rejected by the numerical cross-check', hint: 'the computer algebra system returned a result that is not equal to its input; the step is not used' },
  EB4002: { summary: 'CAS failed', hint: 'the computer algebra system could not perform this operation' },
  EB4003: { summary: 'CAS timed out', hint: 'the operation exceeded its time limit; simplify the input or split it' },
  EB4004: { summary: 'CAS result could not be read back', hint: 'the computer algebra system returned a form equibound does not understand' },
  // -- add above this line (EB40xx)
  // numerics
  EB5001: { summary: 'value is undefined at this point', hint: 'check the domain: log and fractional powers need positive arguments' },
  EB5002: { summary: 'precision out of range', hint: 'precision must be between 1 and 10000 digits' },
  EB5003: { summary: 'numerical method did not converge', hint: 'the result could not be certified to the requested precision' },
  EB5004: { summary: 'free symbol in a numeric evaluation', hint: 'give every parameter a value before evaluating' },
  EB5005: { summary: 'no sign change in the bracket', hint: 'the root finder needs a bracket with a certified sign change' },
  EB5006: { summary: 'engines disagree', hint: 'MPFR and decimal.js gave different digits; this is a bug, please report it' },
  // -- evaluation and intervals: add above this line (EB50xx)
  // quadrature, crossings, roots, minimisation (EB51xx)
  // -- add above this line (EB51xx)
  // theorems (EB6xxx)
  // -- add above this line (EB6xxx)
  // CLI and I/O (EB9xxx)
  // -- add above this line (EB9xxx)
} as const satisfies Record<string, CodeSpec>;

export type DiagnosticCode = keyof typeof codes;
