/**
 * `printUrl`: the signed link that prints an application as its 様式, or an external provision's agreement with its
 * checklist (functions/api/print.ts serves it). Minted only for a viewer who reads the object, by its read rule.
 */
import { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Application } from '../../graphql/applications';
import { Agreement } from '../../graphql/externalProvision';
import { NodeType, toGlobalId } from '../../graphql/globalId';
import { printLink } from '../api/print';
import { Context } from './context';
import { computed } from './fields';
import { readable } from './reading';

/** The link for the viewer, or a refusal to mint one for an object they may not read. */
async function linkFor(ctx: Context, type: NodeType, object: { id: string }, part?: string): Promise<string> {
  if (!(await readable(ctx, type, object))) throw new Error(`${type} ${object.id} is not readable by the viewer: no link is minted`);
  return printLink(ctx.store, toGlobalId(type, object.id), ctx.viewer.person.id, Date.parse(ctx.clock()), part);
}

@Resolver(() => Application)
class ApplicationPrintResolver {
  @FieldResolver(() => String, {
    description:
      '様式として印刷するページのリンク(閲覧者専用の署名付き、10分間有効、APIと同じオリジンのパス)。ブラウザで開いてPDFに印刷する。 / A link to the page that prints it as its form: signed for the viewer, valid for ten minutes, a path on the API’s origin; a browser prints it to PDF.',
  })
  printUrl(@Root() a: { id: string }, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return linkFor(ctx, info.parentType.name as NodeType, a);
  }
}

const AgreementPrint = computed<{ provision: { id: string } }>(Agreement, {
  printUrl: [
    () => String,
    (a, ctx) => linkFor(ctx, 'ExternalProvision', a.provision, 'agreement'),
    {
      description:
        '協定書等の記載事項確認表(第15条第4項)を印刷するページのリンク(閲覧者専用の署名付き、10分間有効)。 / A link to the page that prints the agreement’s checklist of 第15条第4項: signed for the viewer, valid for ten minutes.',
    },
  ],
});

export const printResolvers: Function[] = [ApplicationPrintResolver, AgreementPrint];
