/**
 * Every printable document, by what `/print/{id}` names: an application of 様式第1号〜第3号, 第5号, 第6号, 第8号,
 * 第10号 or 第11号 (by its kind), or the agreement of an external provision (`d=agreement`).
 */
import type { Kind } from '../domain/kinds';
import { consultationPrint } from './consultations';
import { dataUsePrint } from './dataUse';
import { mailAddressApplicationPrint } from './email';
import { agreementPrint, externalProvisionPrint } from './externalProvision';
import { topPageLinkRequestPrint } from './homepage';
import { operatorReportPrint } from './operators';
import { Printed } from './printed';

/** The documents a link may name beside the object itself. */
export const PRINT_PARTS = ['agreement'] as const;
export type PrintPart = (typeof PRINT_PARTS)[number];

const BY_KIND: Partial<Record<Kind, Printed<never>>> = {
  Consultation: consultationPrint,
  OperatorReport: operatorReportPrint,
  DataUseApplication: dataUsePrint,
  ExternalProvision: externalProvisionPrint,
  TopPageLinkRequest: topPageLinkRequestPrint,
  MailAddressApplication: mailAddressApplicationPrint,
};

const BY_PART: Record<PrintPart, Printed<never>> = { agreement: agreementPrint };

/** The printed document of a kind (and part), or undefined where there is none. */
export function printedOf(kind: string, part?: string): Printed<object> | undefined {
  const printed = part === undefined ? BY_KIND[kind as Kind] : (PRINT_PARTS as readonly string[]).includes(part) ? BY_PART[part as PrintPart] : undefined;
  return printed && printed.kind === kind ? (printed as unknown as Printed<object>) : undefined;
}
