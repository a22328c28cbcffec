// Reads the main file (or standard input) and its includes, decodes and parses each into a unit.
// Includes resolve relative to the including file; a cycle or a missing file is EB2012.

import { dirname, resolve } from 'node:path';
import { error, fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import type { Unit } from '../semantics/program.js';
import { parseFile } from '../syntax/parse-file.js';
import { decodeSource, MAX_SOURCE_BYTES } from '../syntax/read-source.js';
import type { CliIO } from './io.js';

const MAX_UNITS = 64;

export interface Loaded {
  readonly units: Unit[];
  /** Every source read, by name, for rendering diagnostics (also on failure). */
  readonly sources: Map<string, string>;
}

export async function loadProgram(path: string, io: CliIO): Promise<{ loaded: Loaded; result: Result<Unit[]> }> {
  const sources = new Map<string, string>();
  const units: Unit[] = [];
  const loaded = { units, sources };
  const source = path === '-' ? '<stdin>' : path;
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await io.readStdin() : io.readFile(path);
  } catch (e) {
    return { loaded, result: fail(error('EB9001', `cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)) };
  }
  const first = parseUnit(bytes, source, sources, true);
  if (!first.ok) return { loaded, result: first };
  units.push(first.value);
  const root = path === '-' ? io.cwd : dirname(resolve(io.cwd, path));
  const problems: Diagnostic[] = [];
  const seen = new Set<string>([path === '-' ? '<stdin>' : resolve(io.cwd, path)]);
  const visit = (unit: Unit, dir: string, chain: string[]) => {
    for (const s of unit.file.statements) {
      if (s.kind !== 'include') continue;
      const span = { source: unit.source, start: s.path.span.start, end: s.path.span.end };
      const target = resolve(dir, s.path.text);
      if (chain.includes(target)) {
        problems.push(error('EB2012', `"${s.path.text}" includes itself through ${chain.length} file(s)`, { span }));
        continue;
      }
      if (seen.has(target)) continue;
      if (units.length >= MAX_UNITS) {
        problems.push(error('EB2012', `more than ${MAX_UNITS} files are included`, { span }));
        return;
      }
      seen.add(target);
      let data: Uint8Array;
      try {
        data = io.readFile(target);
      } catch (e) {
        problems.push(error('EB2012', `cannot read "${s.path.text}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { span }));
        continue;
      }
      const u = parseUnit(data, s.path.text, sources, false);
      if (!u.ok) {
        problems.push(...u.diagnostics);
        continue;
      }
      units.push(u.value);
      visit(u.value, dirname(target), [...chain, target]);
    }
  };
  visit(first.value, root, [path === '-' ? '<stdin>' : resolve(io.cwd, path)]);
  return { loaded, result: problems.length > 0 ? fail(...problems) : ok(units) };
}

function parseUnit(bytes: Uint8Array, source: string, sources: Map<string, string>, main: boolean): Result<Unit> {
  const text = decodeSource(bytes, source);
  if (!text.ok) {
    // Keep a lossy decoding for the caret line (the renderer masks control characters).
    sources.set(source, bytes.length <= MAX_SOURCE_BYTES ? new TextDecoder('utf-8').decode(bytes) : '');
    return text;
  }
  sources.set(source, text.value);
  const file = parseFile(text.value, source);
  if (!file.ok) return file;
  return ok({ source, text: text.value, file: file.value, main });
}
