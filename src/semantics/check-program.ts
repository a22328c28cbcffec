// The semantic passes as a table by stage, in peggy's compiler style: every pass reports to the
// session, and checking stops after the first stage that reported an error.

import { fail, ok, type Result } from '../diagnostics/diagnostic.js';
import { buildModel } from './build-model.js';
import type { Context, Pass, ValueOracle } from './context.js';
import type { Model } from './model.js';
import { checkCatalogEntries } from './passes/check-catalog-entries.js';
import { checkCatalogValues } from './passes/check-catalog-values.js';
import { checkDerivationBoxes } from './passes/check-derivation-boxes.js';
import { collectDerivationReferences } from './passes/collect-derivation-references.js';
import { reportDerivationPlaceholders } from './passes/report-derivation-placeholders.js';
import { reportDuplicateDerivations } from './passes/report-duplicate-derivations.js';
import { checkKinds } from './passes/check-kinds.js';
import { checkParameterValues } from './passes/check-parameter-values.js';
import { checkStatementPlacement } from './passes/check-statement-placement.js';
import { checkTheoremBlocks } from './passes/check-theorem-blocks.js';
import { reportDuplicateNotation } from './passes/report-duplicate-notation.js';
import { collectReferences } from './passes/collect-references.js';
import { convertExpressions } from './passes/convert-expressions.js';
import { reportCyclicDefinitions } from './passes/report-cyclic-definitions.js';
import { reportDuplicateDefinitions } from './passes/report-duplicate-definitions.js';
import { reportMissingHypotheses } from './passes/report-missing-hypotheses.js';
import { checkShowTables } from './passes/check-show-tables.js';
import { reportUndefinedNames } from './passes/report-undefined-names.js';
import { resolveScopes } from './passes/resolve-scopes.js';
import type { Unit } from './program.js';
import { Session } from './session.js';

export const stages: readonly { readonly stage: string; readonly passes: readonly Pass[] }[] = [
  { stage: 'scopes', passes: [collectReferences, collectDerivationReferences, reportDuplicateDefinitions, reportDuplicateDerivations, reportDerivationPlaceholders, checkStatementPlacement, checkTheoremBlocks, reportDuplicateNotation] },
  { stage: 'names', passes: [reportUndefinedNames, checkKinds, checkCatalogEntries] },
  { stage: 'cycles', passes: [reportCyclicDefinitions] },
  { stage: 'values', passes: [convertExpressions, checkParameterValues, checkCatalogValues, checkDerivationBoxes] },
  { stage: 'hypotheses', passes: [reportMissingHypotheses] },
  { stage: 'tables', passes: [checkShowTables] },
];

/** Checks the units (the main file first, then its includes) and builds the model. Warnings ride along. */
export function checkProgram<E, Q>(units: readonly Unit[], oracle: ValueOracle<E, Q>): Result<Model<E, Q>> {
  const session = new Session();
  const ctx: Context<E, Q> = {
    program: resolveScopes(units),
    session,
    oracle,
    tables: { converted: new Map(), resolved: new Map(), symbolic: new Map(), values: new Map(), domains: new Map() },
  };
  for (const { passes } of stages) {
    for (const pass of passes) pass(ctx);
    if (session.errorCount > 0) return fail(...sorted(session));
  }
  const warnings = sorted(session);
  return ok(buildModel(ctx) as Model<E, Q>, warnings);
}

function sorted(session: Session) {
  return [...session.diagnostics].sort((a, b) => (a.span?.source === b.span?.source ? (a.span?.start ?? 0) - (b.span?.start ?? 0) : 0));
}
