// Every `show table of … for SWEEP` of the main file: the swept name is a parameter of the settings the
// columns are read in, the values are exact and in its domain, and each row leaves the program well formed.

import type { Context } from '../context.js';
import { sweepRows } from '../table-rows.js';

export function checkShowTables(ctx: Context): void {
  for (const scope of [ctx.program.top, ...ctx.program.settings]) {
    for (const at of scope.statements) if (at.main && at.statement.kind === 'show' && at.statement.table) sweepRows(ctx, at, at.statement);
  }
}
