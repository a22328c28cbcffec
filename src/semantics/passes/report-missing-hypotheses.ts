// Hypotheses the theorems rely on, checked on the declarations: a class equivariant to G needs G to act
// on the class's space; a catalog group acts on the spaces it acts on by isometries (sign flips on a cube,
// not on a circle) with matching dimension; a Lipschitz loss needs a bound B.

import type { ClassStatement, Constructor, GroupStatement, SpaceStatement, TransformationsStatement } from '../../syntax/ast.js';
import { naturalActions } from '../catalog.js';
import type { Context } from '../context.js';
import { lookup, span, type Declaration, type SourcedStatement } from '../program.js';
import { matchArguments } from '../match-arguments.js';
import { entrySpec } from '../catalog.js';
import { valueIn } from '../value-in.js';

export function reportMissingHypotheses(ctx: Context): void {
  const { program, session } = ctx;
  for (const at of [...program.top.statements, ...program.settings.flatMap((s) => s.statements)]) {
    const s = at.statement;
    if (s.kind === 'class' && s.symmetry) classSymmetry(ctx, at, s);
    if (s.kind === 'group' && s.actingOn) groupAction(ctx, at, s);
    if (s.kind === 'loss' && s.definition.name.text === 'lipschitz' && !s.boundedBy) {
      session.error('EB2011', 'a Lipschitz loss needs a bound: the theorems use losses with values in [0, B]', span(at.source, s.span), {
        hint: 'write loss lipschitz(lambda = 1) bounded by 2',
      });
    }
  }
}

function classSymmetry(ctx: Context, at: SourcedStatement, s: ClassStatement): void {
  const g = lookup(at.scope, s.symmetry!.group.text);
  const space = lookup(at.scope, s.space.text);
  if (!g || !space || (g.kind !== 'group' && g.kind !== 'transformations')) return;
  const acting = (g.at.statement as GroupStatement | TransformationsStatement).actingOn;
  const where = span(at.source, s.symmetry!.group.span);
  if (!acting) {
    ctx.session.error('EB2011', `\`${g.name}\` is not declared to act on any space, so \`${s.name.text}\` cannot be equivariant to it`, where, {
      related: [{ span: g.span, message: `add \`acting on ${s.space.text}\` here` }],
    });
    return;
  }
  const target = lookup(g.at.scope, acting.text);
  if (target && target !== space) {
    ctx.session.error('EB2011', `\`${g.name}\` acts on \`${acting.text}\`, but \`${s.name.text}\` is a class on \`${s.space.text}\``, where, {
      related: [{ span: g.span, message: `\`${g.name}\` is declared acting on \`${acting.text}\`` }],
      hint: 'equivariance needs the group to act on the domain of the class',
    });
  }
}

function groupAction(ctx: Context, at: SourcedStatement, s: GroupStatement): void {
  const space = lookup(at.scope, s.actingOn!.text);
  if (!space || space.kind !== 'space') return;
  const def = (space.at.statement as SpaceStatement).definition;
  if (def.kind !== 'constructor') return;
  const allowed = naturalActions[s.definition.name.text];
  const where = span(at.source, s.actingOn!.span);
  if (allowed && !allowed.includes(def.name.text)) {
    ctx.session.error('EB2011', `${s.definition.name.text} does not act by isometries on a ${def.name.text}`, where, {
      related: [{ span: space.span, message: `\`${space.name}\` is a ${def.name.text}` }],
      hint: `${s.definition.name.text} acts on: ${allowed.join(', ')}; use finite(order = …, domain = …) for another action`,
    });
    return;
  }
  if (s.definition.name.text === 'signflips' || s.definition.name.text === 'permutations') matchDimension(ctx, at, s.definition, space, def);
}

function matchDimension(ctx: Context, at: SourcedStatement, group: Constructor, space: Declaration, def: Constructor): void {
  const arg = (c: Constructor, name: string) => {
    const spec = entrySpec(c === group ? 'group' : 'space', c.name.text);
    const a = spec ? matchArguments(c, spec).matched.get(name)?.arg : undefined;
    return a?.value.kind === 'expression' ? a.value.expr : undefined;
  };
  const gd = arg(group, 'd');
  const sd = arg(def, 'dim');
  if (!gd || !sd) return;
  const gv = valueIn(ctx, at, gd);
  const sv = valueIn(ctx, space.at, sd);
  if (gv?.kind === 'rational' && sv?.kind === 'rational' && ctx.oracle.compare(gv.value, sv.value) !== 0) {
    ctx.session.error('EB2011', `${group.name.text}(${ctx.oracle.text(gv.value)}) does not act on a space of dimension ${ctx.oracle.text(sv.value)}`, span(at.source, gd.span), {
      related: [{ span: span(space.at.source, sd.span), message: 'the dimension of the space' }],
      hint: 'the group and the space must have the same dimension',
    });
  }
}
