// Checks the theorem library's data (theorem blocks and named hypotheses): ids and names declared once,
// known fields written the right number of times, assumed hypotheses and used theorems declared, no
// theorem using itself through a chain of uses.

import type { HypothesisStatement, Name, TheoremStatement } from '../../syntax/ast.js';
import { closest } from '../../syntax/did-you-mean.js';
import type { Context } from '../context.js';
import { span } from '../program.js';

/** Text fields of a theorem block: required ones are written exactly once. */
export const theoremFields = { title: 'once', section: 'once', statement: 'once', constant: 'any', proof: 'once', source: 'once' } as const;

const itemWords = [...Object.keys(theoremFields), 'hypothesis', 'assumes', 'uses'];

interface Sourced<S> {
  readonly statement: S;
  readonly source: string;
}

export function checkTheoremBlocks({ program, session }: Context): void {
  const theorems: Sourced<TheoremStatement>[] = [];
  const hypotheses = new Map<string, Sourced<HypothesisStatement>>();
  const where = (source: string, n: { span: Name['span'] }) => span(source, n.span);
  for (const at of program.top.statements) {
    const s = at.statement;
    if (s.kind === 'hypothesis') {
      const first = hypotheses.get(s.name.text);
      if (first) {
        session.error('EB2030', `the hypothesis \`${s.name.text}\` is declared twice`, where(at.source, s.name), { related: [{ message: 'first declared here', span: where(first.source, first.statement.name) }] });
      } else {
        hypotheses.set(s.name.text, { statement: s, source: at.source });
      }
    } else if (s.kind === 'theorem') {
      theorems.push({ statement: s, source: at.source });
    }
  }

  const ids = new Map<string, Sourced<TheoremStatement>>();
  for (const t of theorems) {
    const first = ids.get(t.statement.id.text);
    if (first) {
      session.error('EB2030', `the theorem \`${t.statement.id.text}\` is declared twice`, where(t.source, t.statement.id), { related: [{ message: 'first declared here', span: where(first.source, first.statement.id) }] });
    } else {
      ids.set(t.statement.id.text, t);
    }
  }

  for (const t of theorems) checkTheorem(t, hypotheses, ids, ctxError(session));
  reportCircularUses([...ids.values()], ctxError(session));
}

type Report = (code: 'EB2030' | 'EB2031' | 'EB2032' | 'EB2033' | 'EB2034', message: string, source: string, at: { span: Name['span'] }, hint?: string) => void;

function ctxError(session: Context['session']): Report {
  return (code, message, source, at, hint) => session.error(code, message, span(source, at.span), hint ? { hint } : {});
}

function checkTheorem({ statement: t, source }: Sourced<TheoremStatement>, hypotheses: Map<string, unknown>, ids: Map<string, unknown>, report: Report): void {
  const counts = new Map<string, number>();
  const local = new Set<string>();
  const assumed = new Set<string>();
  // A misspelt field is reported once, as unknown with its suggestion, not also as missing.
  const suggested = new Set<string>();
  for (const item of t.items) {
    switch (item.kind) {
      case 'field': {
        const f = item.field.text;
        if (!(f in theoremFields)) {
          const guess = closest(f, itemWords);
          if (guess) suggested.add(guess);
          report('EB2031', `unknown field \`${f}\` in theorem \`${t.id.text}\``, source, item.field, guess ? `did you mean \`${guess}\`? ${itemWords.join(', ')}` : undefined);
          break;
        }
        const n = (counts.get(f) ?? 0) + 1;
        counts.set(f, n);
        if (n === 2 && theoremFields[f as keyof typeof theoremFields] === 'once') report('EB2032', `\`${f}\` is written twice in theorem \`${t.id.text}\``, source, item.field);
        break;
      }
      case 'hypothesis': {
        const name = item.name.text;
        if (hypotheses.has(name)) report('EB2030', `the local hypothesis \`${name}\` reuses the name of a declared hypothesis`, source, item.name, 'rename it, or write `assumes` to use the declared one');
        else if (local.has(name) || assumed.has(name)) report('EB2030', `the hypothesis \`${name}\` is listed twice in theorem \`${t.id.text}\``, source, item.name);
        local.add(name);
        break;
      }
      case 'assumes':
        for (const n of item.names) {
          if (!hypotheses.has(n.text)) {
            const guess = closest(n.text, hypotheses.keys());
            report('EB2033', `no hypothesis \`${n.text}\` is declared`, source, n, guess ? `did you mean \`${guess}\`?` : undefined);
          } else if (assumed.has(n.text) || local.has(n.text)) {
            report('EB2030', `the hypothesis \`${n.text}\` is listed twice in theorem \`${t.id.text}\``, source, n);
          }
          assumed.add(n.text);
        }
        break;
      case 'uses':
        for (const u of item.ids) {
          if (u.text === t.id.text) report('EB2034', `theorem \`${t.id.text}\` uses itself`, source, u);
          else if (!ids.has(u.text)) {
            const guess = closest(u.text, ids.keys());
            report('EB2034', `no theorem \`${u.text}\` is declared`, source, u, guess ? `did you mean \`${guess}\`? (or include the file that declares it)` : undefined);
          }
        }
        break;
    }
  }
  for (const [f, rule] of Object.entries(theoremFields)) {
    if (rule === 'once' && !counts.has(f) && !suggested.has(f)) report('EB2032', `theorem \`${t.id.text}\` has no \`${f}\``, source, t.id, `write ${f} "…" inside the block`);
  }
  if (local.size + assumed.size === 0) report('EB2032', `theorem \`${t.id.text}\` states no hypothesis`, source, t.id, 'name its hypotheses with assumes NAME or hypothesis NAME "…"');
}

/** A use that closes a cycle is reported once, at the use. */
function reportCircularUses(theorems: readonly Sourced<TheoremStatement>[], report: Report): void {
  const byId = new Map(theorems.map((t) => [t.statement.id.text, t]));
  const state = new Map<string, 'open' | 'done'>();
  const visit = (t: Sourced<TheoremStatement>, path: string[]) => {
    state.set(t.statement.id.text, 'open');
    for (const item of t.statement.items) {
      if (item.kind !== 'uses') continue;
      for (const u of item.ids) {
        const next = byId.get(u.text);
        if (!next || u.text === t.statement.id.text) continue;
        const s = state.get(u.text);
        if (s === 'open') report('EB2034', `theorem \`${t.statement.id.text}\` uses \`${u.text}\`, which uses it back (${[...path.slice(path.indexOf(u.text)), t.statement.id.text, u.text].join(' → ')})`, t.source, u);
        else if (s === undefined) visit(next, [...path, t.statement.id.text]);
      }
    }
    state.set(t.statement.id.text, 'done');
  };
  for (const t of theorems) if (!state.has(t.statement.id.text)) visit(t, []);
}
