/**
 * `exportLink`: the signed link a browser opens to download a register as Excel or CSV (functions/export/http.ts serves
 * `/download/…`). The filters are checked as the export will check them before the link is made; the read rules are
 * asked when it is opened, as the viewer is then.
 */
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { checkExport } from '../export/export';
import { downloadLink } from '../export/http';
import { ExportFilters } from '../export/columns';
import { ExportLinkArgs } from '../../graphql/exports';
import { Context } from './context';
import { read } from './support';

@Resolver()
export class ExportLinkResolver {
  @Query(() => String, {
    description:
      '台帳を Excel・CSV で書き出すリンク(閲覧者専用の署名付き、10分間有効、APIと同じオリジンのパス)。ブラウザで開くとダウンロードされる。閲覧できる行だけを含む。 / ' +
      'A link that downloads a register as Excel or CSV: signed for the viewer, valid for ten minutes, a path on the API’s origin; only the rows the viewer may read.',
  })
  exportLink(@Args() args: ExportLinkArgs, @Ctx() ctx: Context) {
    return read(ctx, async () => {
      const { register, format, dates, status, ...rest } = args;
      const filters: ExportFilters = { ...rest, status: status?.join(',') };
      const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null)) as ExportFilters;
      checkExport(register, given);
      return downloadLink(ctx.store, ctx.viewer.person.id, register, format, { dates: dates.toLowerCase(), ...given }, Date.parse(ctx.clock()));
    });
  }
}
