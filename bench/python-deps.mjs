// The Python side of the comparisons: Debian's python3 with sympy, mpmath and gmpy2 (mpmath's fast
// backend). When a module is missing the benches install the Debian packages themselves (apt-get,
// as root or through passwordless sudo), as CI installs everything else; otherwise they say what to
// install and the Python column reads n/a.
import { spawnSync } from 'node:child_process';

/** Python module -> the Debian package that provides it. */
const PACKAGES = { sympy: 'python3-sympy', mpmath: 'python3-mpmath', gmpy2: 'python3-gmpy2' };

export const python = process.env.PYTHON ?? '/usr/bin/python3';

function missing(modules) {
  return modules.filter((m) => spawnSync(python, ['-c', `import ${m}`], { stdio: 'ignore' }).status !== 0);
}

function run(cmd, args) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [c, a] = asRoot ? [cmd, args] : ['sudo', ['-n', cmd, ...args]];
  return spawnSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

/**
 * Makes `modules` importable by `python`, installing Debian packages when they are not; returns the
 * modules still missing (empty when all is well) after printing why.
 */
export function ensurePythonModules(modules) {
  const absent = missing(modules);
  if (absent.length === 0) return [];
  const packages = absent.map((m) => PACKAGES[m] ?? `python3-${m}`);
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (apt && !process.env.PYTHON) {
    console.log(`(installing ${packages.join(', ')} for the Python column: apt-get update && apt-get install -y)`);
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', ...packages])) {
      const still = missing(modules);
      if (still.length === 0) return [];
      console.log(`(still missing after apt-get: ${still.join(', ')})`);
      return still;
    }
  }
  console.log(`(${python} lacks ${absent.join(', ')}; install ${packages.join(' ')} ${apt ? 'as root' : 'with your package manager'}, or set PYTHON=…)`);
  return absent;
}
