// `npm run bench`: runs every benchmark in this folder against the built dist/ and prints each
// figure as a ratio against a baseline measured in the same run. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = ['cold-start.mjs', 'numeric.mjs', 'quadrature.mjs', 'cas.mjs', 'theory.mjs', 'check.mjs', 'sympy.mjs'];
const only = process.argv.slice(2);
let failed = 0;
for (const b of benches) {
  if (only.length > 0 && !only.some((o) => b.startsWith(o))) continue;
  const path = join(here, b);
  if (!existsSync(path)) continue;
  console.log(`\n=== ${b}`);
  const r = spawnSync(process.execPath, [path], { stdio: 'inherit', cwd: join(here, '..') });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
