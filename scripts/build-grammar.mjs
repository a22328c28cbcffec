// Compiles grammar/*.peggy into ES modules under src/syntax/generated (not checked in).
// peggy 5's CLI needs Node 22 (commander 15), so we call its API.
import peggy from 'peggy';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/syntax/generated');

// Each parser is compiled from one or more grammar files; the first file's first rule is the default start.
const targets = [
  { out: 'expr-parser', sources: ['grammar/expr.peggy'], allowedStartRules: ['ExpressionOnly'] },
  { out: 'equibound-parser', sources: ['grammar/equibound.peggy', 'grammar/expr.peggy'], allowedStartRules: ['File'] },
];

const dts = `export interface Location { source: string; start: { offset: number; line: number; column: number }; end: { offset: number; line: number; column: number } }
export class SyntaxError extends Error {
  expected: Array<{ type: string; text?: string; description?: string }> | null;
  found: string | null;
  location: Location;
  format(sources: Array<{ source: string; text: string }>): string;
}
export function parse(input: string, options?: { grammarSource?: string; startRule?: string; [k: string]: unknown }): unknown;
export const StartRules: string[];
`;

mkdirSync(outDir, { recursive: true });
for (const t of targets) {
  const files = t.sources.map((s) => join(root, s));
  if (!files.every((f) => existsSync(f))) continue;
  const outJs = join(outDir, `${t.out}.js`);
  const newest = Math.max(...files.map((f) => statSync(f).mtimeMs), statSync(fileURLToPath(import.meta.url)).mtimeMs);
  if (existsSync(outJs) && statSync(outJs).mtimeMs >= newest) continue;
  const input = t.sources.map((s, i) => ({ source: s, text: readFileSync(files[i], 'utf8') }));
  let code;
  try {
    code = peggy.generate(input, { output: 'source', format: 'es', allowedStartRules: t.allowedStartRules });
  } catch (e) {
    const msg = typeof e.format === 'function' ? e.format(input) : String(e);
    console.error(`grammar ${t.out}: ${msg}`);
    process.exit(1);
  }
  writeFileSync(outJs, code);
  writeFileSync(join(outDir, `${t.out}.d.ts`), dts);
}

// The theorem library's data is compiled with the parser just built.
await import('./build-theorems.mjs');
