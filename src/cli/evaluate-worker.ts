// Worker thread for time-limited numeric evaluation: reads an expression in text form, evaluates it
// with the numeric engine and answers with the digits and the enclosure as text.

import { parentPort } from 'node:worker_threads';
import { readExpr } from '../expr/read.js';
import { evaluate } from '../numeric/evaluate.js';

export interface EvaluationRequest {
  readonly id: number;
  readonly text: string;
  readonly digits: number;
}

parentPort?.on('message', (req: EvaluationRequest | { warm: true }) => {
  if ('warm' in req) {
    // Loads MPFR while the main thread parses and checks the file.
    void import('../numeric/mpfr.js').then((m) => m.loadMpfr()).catch(() => undefined);
    return;
  }
  void (async () => {
    try {
      const e = readExpr(req.text);
      if (!e.ok) return parentPort!.postMessage({ id: req.id, result: { ok: false, diagnostics: e.diagnostics } });
      const r = await evaluate(e.value, new Map(), { digits: req.digits });
      const result = r.ok
        ? { ok: true, value: { text: r.value.text, lower: r.value.lower.toString(), upper: r.value.upper.toString(), exact: r.value.exact?.toString(), correctlyRounded: r.value.correctlyRounded }, warnings: r.warnings ?? [] }
        : { ok: false, diagnostics: r.diagnostics };
      parentPort!.postMessage({ id: req.id, result });
    } catch (err) {
      parentPort!.postMessage({ id: req.id, internal: String((err as Error)?.stack ?? err) });
    }
  })();
});
