// Bundles the command line for a fast cold start (issue 3; measured by bench/cold-start.mjs). Run by
// `npm run build` after tsc, whose per-module dist/ the other benchmarks import; this replaces two files:
//   dist/cli/main.js             what package.json's bin names: the entry, split into dist/cli/chunks/ that
//                                load by dynamic import only on the paths that need them (nerdamer-prime for
//                                check, the theorem library for bounds, the LaTeX report for latex);
//   dist/cli/evaluate-worker.js  the evaluation worker (src/cli/evaluator.ts), one file: it always loads all
//                                of its code, and a worker shares no modules with the main thread anyway.
// Why: start-up was mostly module loading, ~150 ES modules each resolved, read and compiled in turn, and
// gmp-wasm, 0.5 MB of CommonJS, scanned for its exports on every import; in a bundle it is plain code.
// The worker is on the critical path of every `run` that prints digits (it loads MPFR while the main
// thread parses and checks), so it gets the two extra savings below.

import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');

/**
 * gmp-wasm ships its WebAssembly as base64 of raw DEFLATE and decodes and inflates it in JavaScript on
 * init (~50 ms, a third of the worker's start-up). In the bundle, node's own base64 and zlib do the same
 * in ~5 ms when `process.getBuiltinModule` exists (Node >= 20.16); otherwise the library's code runs as
 * before. The bytes are the same: checked here against the library's stated length and by WebAssembly.
 */
const nativeWasmInflate = {
  name: 'gmp-wasm-native-inflate',
  setup(b) {
    b.onLoad({ filter: /[\\/]gmp-wasm[\\/]dist[\\/]index\.umd\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const slow = /const decoded = decodeBase64\(gmpWasm\);\s*const decompressed = new Uint8Array\(gmpWasmLength\);\s*inflateSync\(decoded, decompressed\);/g;
      const found = source.match(slow)?.length ?? 0;
      const wasm = /const gmpWasm = '([A-Za-z0-9+/=]+)';/.exec(source);
      const length = /const gmpWasmLength = (\d+);/.exec(source);
      if (found !== 1 || !wasm || !length) throw new Error(`bundle-cli: gmp-wasm's decoder is not the one this build patches (${path}); update or remove the gmp-wasm-native-inflate plugin`);
      const bytes = inflateRawSync(Buffer.from(wasm[1], 'base64'));
      if (bytes.length !== Number(length[1]) || !WebAssembly.validate(bytes)) throw new Error('bundle-cli: gmp-wasm\'s WebAssembly does not inflate natively to the module the library expects');
      const fast = `const zlib = globalThis.process?.getBuiltinModule?.('node:zlib');
        let decompressed;
        if (zlib) {
          decompressed = zlib.inflateRawSync(Buffer.from(gmpWasm, 'base64'));
          if (decompressed.length !== gmpWasmLength) throw new Error('gmp-wasm: the WebAssembly module did not inflate to its stated length');
        } else {
          const decoded = decodeBase64(gmpWasm);
          decompressed = new Uint8Array(gmpWasmLength);
          inflateSync(decoded, decompressed);
        }`;
      return { contents: source.replace(slow, fast), loader: 'js' };
    });
  },
};

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  // Dependencies are bundled too (gmp-wasm, decimal.js, fraction.js, nerdamer-prime): each lands in the
  // chunk of the code that uses it.
  packages: 'bundle',
  legalComments: 'inline',
  logLevel: 'warning',
  // An import() of a computed name is left as is and would look for a module that is not in the bundle.
  logOverride: { 'unsupported-dynamic-import': 'error', 'unsupported-require-call': 'error' },
  metafile: true,
  plugins: [nativeWasmInflate],
};

// Stale chunks of an earlier build would stay beside the new ones (their names carry a content hash).
rmSync(join(outdir, 'chunks'), { recursive: true, force: true });

const results = await Promise.all([
  // main.ts passes its own URL to createEvaluator, which looks for the worker beside it.
  build({ ...common, entryPoints: { main: 'src/cli/main.ts' }, splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  build({ ...common, entryPoints: { 'evaluate-worker': 'src/cli/evaluate-worker.ts' } }),
]);

for (const f of ['main.js', 'evaluate-worker.js']) {
  if (!existsSync(join(outdir, f))) throw new Error(`bundle-cli: dist/cli/${f} was not written`);
}
// Nothing may be left for node to resolve at run time but its built-ins.
const unresolved = results.flatMap((r) => Object.entries(r.metafile.outputs).flatMap(([out, o]) => o.imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => `${out} imports ${i.path}`)));
if (unresolved.length > 0) throw new Error(`bundle-cli: imports left outside the bundle:\n  ${unresolved.join('\n  ')}`);
