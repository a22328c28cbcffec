// Where a derivation is read: its statement with the scope of the setting it names (undefined when the
// setting does not exist; that is reported as an undefined name). Shared by the derivation passes.

import type { DerivationStatement } from '../../syntax/ast.js';
import type { Context } from '../context.js';
import { lookup, type SourcedStatement } from '../program.js';

export interface DerivationAt {
  readonly statement: DerivationStatement;
  /** The derivation's statement, read in the setting's scope (undefined without a setting). */
  readonly at: SourcedStatement | undefined;
  readonly source: string;
  readonly main: boolean;
}

export function derivations({ program }: Context): DerivationAt[] {
  const out: DerivationAt[] = [];
  for (const s of program.top.statements) {
    if (s.statement.kind !== 'derivation') continue;
    const d = lookup(program.top, s.statement.setting.text);
    const scope = d?.kind === 'setting' ? program.settings.find((x) => x.setting?.statement === d.at.statement) : undefined;
    out.push({ statement: s.statement, at: scope ? { ...s, scope } : undefined, source: s.source, main: s.main });
  }
  return out;
}
