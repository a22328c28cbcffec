// Numeric evaluation with a time limit. From the built CLI every evaluation runs in a worker thread that
// is terminated when it exceeds its limit (EB9005); when running from TypeScript sources (the in-process
// tests) the worker cannot load, so evaluation runs in-process and an overrun is reported after the fact.
// This module loads nothing the entry has not loaded already, so that the worker starts before the rest of
// the CLI loads; the printer and rationals it needs are loaded by then.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { error, fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import type { Expr } from '../expr/types.js';
import type { Approximation } from '../numeric/api.js';

export interface Evaluator {
  evaluate(e: Expr, digits: number): Promise<Result<Approximation>>;
  /** Optional head start: load the engine while the file is being checked. */
  warm?(): void;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * `entryUrl` is the URL of the CLI's entry module: the worker is the file beside it (dist/cli/ when built,
 * where this module may sit in a chunk of the bundle elsewhere); from sources there is none.
 */
export function createEvaluator(entryUrl: string, timeoutMs = DEFAULT_TIMEOUT_MS): Evaluator {
  const workerFile = fileURLToPath(new URL('./evaluate-worker.js', entryUrl));
  return entryUrl.endsWith('.js') && existsSync(workerFile) ? new WorkerEvaluator(workerFile, timeoutMs) : new InProcessEvaluator(timeoutMs);
}

const timedOut = (ms: number): Diagnostic => error('EB9005', `the evaluation did not finish within ${ms / 1000} s`);

class InProcessEvaluator implements Evaluator {
  constructor(private readonly timeoutMs: number) {}
  async evaluate(e: Expr, digits: number): Promise<Result<Approximation>> {
    const { evaluate } = await import('../numeric/evaluate.js');
    const t0 = Date.now();
    const r = await evaluate(e, new Map(), { digits });
    return Date.now() - t0 > this.timeoutMs ? fail(timedOut(this.timeoutMs)) : r;
  }
  async close(): Promise<void> {}
}

type Reply = { id: number; result?: { ok: boolean; value?: Record<string, string | boolean | undefined>; warnings?: Diagnostic[]; diagnostics?: Diagnostic[] }; internal?: string };

class WorkerEvaluator implements Evaluator {
  /** The worker, created once (warm() and the first evaluation may both ask for it). */
  private worker: Worker | undefined;
  private next = 0;
  constructor(
    private readonly file: string,
    private readonly timeoutMs: number,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    this.worker = new Worker(this.file);
    this.worker.unref();
    this.worker.postMessage({ warm: true });
    return this.worker;
  }

  /** Starts the worker and its MPFR ahead of the first evaluation. */
  warm(): void {
    this.start();
  }

  async evaluate(e: Expr, digits: number): Promise<Result<Approximation>> {
    const worker = this.start();
    const [{ toText }, { Rational }] = await Promise.all([import('../expr/print/text.js'), import('../expr/rational.js')]);
    const id = this.next++;
    const reply = await new Promise<Reply | 'timeout' | Error>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
      const onMessage = (m: Reply) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(m);
      };
      const onError = (err: Error) => {
        clearTimeout(timer);
        resolve(err);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ id, text: toText(e), digits });
    });
    if (reply === 'timeout' || reply instanceof Error) {
      await this.close();
      if (reply instanceof Error) throw reply;
      return fail(timedOut(this.timeoutMs));
    }
    if (reply.internal !== undefined) throw new Error(`evaluation worker: ${reply.internal}`);
    const r = reply.result!;
    if (!r.ok) return fail(...(r.diagnostics ?? []));
    const v = r.value!;
    const q = (s: unknown) => {
      const [n, d] = String(s).split('/');
      return Rational.of(BigInt(n!), BigInt(d ?? '1'));
    };
    return ok(
      { text: String(v.text), lower: q(v.lower), upper: q(v.upper), ...(v.exact !== undefined ? { exact: q(v.exact) } : {}), correctlyRounded: v.correctlyRounded === true },
      r.warnings,
    );
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
