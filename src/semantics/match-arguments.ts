// Matches the arguments of a catalog entry to its specification: keywords by name, the rest by position.

import type { Argument, Constructor } from '../syntax/ast.js';
import { closest } from '../syntax/did-you-mean.js';
import type { ArgumentSpec, EntrySpec } from './catalog.js';

export interface ArgumentProblem {
  readonly message: string;
  readonly at: { start: number; end: number };
  readonly hint?: string;
}

export interface MatchedArguments {
  readonly matched: Map<string, { spec: ArgumentSpec; arg: Argument }>;
  readonly problems: ArgumentProblem[];
}

export function matchArguments(entry: Constructor, spec: EntrySpec): MatchedArguments {
  const matched = new Map<string, { spec: ArgumentSpec; arg: Argument }>();
  const problems: ArgumentProblem[] = [];
  const args = entry.args ?? [];
  let position = 0;
  let sawKeyword = false;
  let unknownKey = false;
  for (const arg of args) {
    let s: ArgumentSpec | undefined;
    if (arg.key) {
      sawKeyword = true;
      s = spec.args.find((a) => a.name === arg.key!.text);
      if (!s) {
        const names = spec.args.map((a) => a.name);
        const guess = closest(arg.key.text, names);
        problems.push({
          message: `\`${entry.name.text}\` has no argument \`${arg.key.text}\``,
          at: arg.key.span,
          hint: `${guess ? `did you mean \`${guess}\`? ` : ''}${names.length > 0 ? `its arguments are ${names.join(', ')}` : `${entry.name.text} takes no arguments`}`,
        });
        unknownKey = true;
        continue;
      }
    } else {
      if (sawKeyword) {
        problems.push({ message: 'a positional argument after a named one', at: arg.span, hint: 'write positional arguments first, or name this one' });
        continue;
      }
      s = spec.args[position++];
      if (!s) {
        problems.push({ message: `too many arguments for \`${entry.name.text}\``, at: arg.span, hint: `it takes ${spec.args.length === 0 ? 'no arguments' : spec.args.map((a) => a.name).join(', ')}` });
        continue;
      }
    }
    if (matched.has(s.name)) {
      problems.push({ message: `argument \`${s.name}\` is given twice`, at: arg.span });
      continue;
    }
    matched.set(s.name, { spec: s, arg });
  }
  for (const s of spec.args) {
    if (s.required && !matched.has(s.name) && !unknownKey) {
      problems.push({ message: `\`${entry.name.text}\` needs the argument \`${s.name}\``, at: entry.span, hint: `write ${entry.name.text}(${spec.args.map((a) => `${a.name} = …`).join(', ')})` });
    }
  }
  return { matched, problems };
}
