/**
 * 根拠法令 — the legal basis of a use (様式第6号, 第14条) or a provision (様式第8号, 第15条) of data, as law rather than
 * free text: the provisions of 個人情報の保護に関する法律 under which a local government uses or provides the personal
 * information it holds, or another law cited by name and article. Where personal information is involved, at least one
 * basis is required; a provision to a recipient abroad rests on 第71条 as well.
 */
import { refuse } from './refusal';

/** 個人情報の保護に関する法律 (令和3年改正後): the act whose articles a refusal about a basis cites. */
export const ACT = '個人情報の保護に関する法律';

export const LEGAL_BASIS_KINDS = [
  'WITHIN_PURPOSE', // 第69条第1項
  'CONSENT_OR_TO_THE_PERSON', // 第69条第2項第1号
  'INTERNAL_USE', // 第69条第2項第2号
  'OTHER_PUBLIC_BODY', // 第69条第2項第3号
  'STATISTICS_RESEARCH_OR_SPECIAL_REASON', // 第69条第2項第4号
  'RECIPIENT_MEASURES', // 第70条
  'FOREIGN_RECIPIENT', // 第71条
  'OTHER_LAW', // その他の法令 (法令名と条項)
] as const;
export type LegalBasisKind = (typeof LEGAL_BASIS_KINDS)[number];

/** The article of the act each kind rests on (none for another law: its citation names it). */
export const BASIS_ARTICLES: Record<Exclude<LegalBasisKind, 'OTHER_LAW'>, string> = {
  WITHIN_PURPOSE: '第69条第1項',
  CONSENT_OR_TO_THE_PERSON: '第69条第2項第1号',
  INTERNAL_USE: '第69条第2項第2号',
  OTHER_PUBLIC_BODY: '第69条第2項第3号',
  STATISTICS_RESEARCH_OR_SPECIAL_REASON: '第69条第2項第4号',
  RECIPIENT_MEASURES: '第70条',
  FOREIGN_RECIPIENT: '第71条',
};

export interface LegalBasis {
  kind: LegalBasisKind;
  /** For OTHER_LAW: the law and its article (法令名と条項), e.g. 健康増進法第19条の2. */
  citation?: string;
}

/** What a record says of its basis: the bases, or, on a record stored before they were law, the free text it held. */
export interface WithLegalBasis {
  legalBases?: LegalBasis[];
  /** The free text of a record stored before the bases; read as OTHER_LAW with that citation. */
  legalBasis?: string;
}

/** The bases a record rests on; an old record's free text is shown as another law with that citation. */
export function legalBasesOf(r: WithLegalBasis): LegalBasis[] {
  if (r.legalBases) return r.legalBases;
  return r.legalBasis?.trim() ? [{ kind: 'OTHER_LAW', citation: r.legalBasis.trim() }] : [];
}

/** A basis as a person cites it: 個人情報の保護に関する法律第69条第2項第2号, or the other law's citation. */
export function citationOf(b: LegalBasis): string {
  return b.kind === 'OTHER_LAW' ? (b.citation ?? '') : `${ACT}${BASIS_ARTICLES[b.kind]}`;
}

/** The bases in one line, for a decision's audit event and the record's text. */
export function citedBases(r: WithLegalBasis): string {
  return legalBasesOf(r).map(citationOf).join('、');
}

/** The article of the act a refusal about `kind` cites. */
const actArticle = (kind: Exclude<LegalBasisKind, 'OTHER_LAW'>) => `${ACT}${BASIS_ARTICLES[kind]}`;

/** 法令名と条項: a citation names an article (第N条). */
const NAMES_AN_ARTICLE = /第[0-9０-９一二三四五六七八九十百千]+条/;

/** Whose data moves where: used within the city (様式第6号) or provided outside it (様式第8号). */
export interface BasisContext {
  use: 'USE' | 'PROVISION';
  /** Personal information is involved (the dataset's flag, or the form's own). */
  personal: boolean;
  recipientAbroad?: boolean;
  /** The form's article, cited where the refusal is about the form rather than the act. */
  article: string;
}

/** The bases as given: the list, or the deprecated single text read as another law. Both at once is refused. */
export function givenBases(input: { legalBases?: LegalBasis[] | null; legalBasis?: string | null }, article: string): LegalBasis[] {
  if (input.legalBases && input.legalBasis?.trim()) {
    refuse('INVALID_VALUE', ['根拠は legalBases に記載してください (legalBasis と同時には指定できません)。', 'Give the bases in legalBases, not also in legalBasis.'], article, ['legalBasis']);
  }
  if (input.legalBases) return input.legalBases.map((b) => ({ kind: b.kind, ...(b.citation?.trim() ? { citation: b.citation.trim() } : {}) }));
  return input.legalBasis?.trim() ? [{ kind: 'OTHER_LAW', citation: input.legalBasis.trim() }] : [];
}

/** The bases of a use or provision, checked against the act. */
export function validateLegalBases(bases: LegalBasis[], c: BasisContext): void {
  bases.forEach((b, i) => {
    const field = ['legalBases', String(i)];
    if (b.kind === 'OTHER_LAW') {
      if (!b.citation || !NAMES_AN_ARTICLE.test(b.citation)) {
        refuse('INVALID_VALUE', ['その他の法令は、法令名と条項 (例: 健康増進法第19条の2) を記載してください。', 'Another law is cited by its name and article (e.g. the Health Promotion Act, Article 19-2).'], c.article, [...field, 'citation']);
      }
      return;
    }
    if (b.citation) refuse('INVALID_VALUE', ['条項を記載するのは、その他の法令 (OTHER_LAW) のときのみです。', 'A citation is given for another law (OTHER_LAW) only.'], actArticle(b.kind), [...field, 'citation']);
    if (c.use === 'USE' && (b.kind === 'RECIPIENT_MEASURES' || b.kind === 'FOREIGN_RECIPIENT')) {
      refuse('INVALID_VALUE', ['この規定は外部への提供 (様式第8号) の根拠です。他の主管課のデータの利用 (様式第6号) の根拠にはなりません。', 'This provision governs a provision to others (Form No. 8), not a use within the city (Form No. 6).'], actArticle(b.kind), field);
    }
    // 第69条第2項第2号: use within the organ itself; a provision outside the city rests on another item.
    if (c.use === 'PROVISION' && b.kind === 'INTERNAL_USE') {
      refuse('INVALID_VALUE', ['第69条第2項第2号は内部での利用の根拠です。外部への提供の根拠にはなりません。', 'Article 69(2)(ii) governs internal use, not a provision outside the city.'], actArticle(b.kind), field);
    }
  });
  const keys = bases.map((b) => `${b.kind}\u0000${b.citation ?? ''}`);
  if (new Set(keys).size !== keys.length) refuse('DUPLICATE', ['同じ根拠が重複しています。', 'A basis is listed twice.'], c.article, ['legalBases']);
  if (!c.personal) return;
  // 個人情報の保護に関する法律第69条: the personal information a local government holds is used or provided on a basis of law.
  if (bases.length === 0) {
    refuse('INVALID_VALUE', ['個人情報を含むデータの利用・提供には、法令上の根拠 (個人情報の保護に関する法律第69条等) が必要です。', 'Personal information is used or provided on a basis in law (Act on the Protection of Personal Information, Article 69 and others).'], `${ACT}第69条`, ['legalBases']);
  }
  // 個人情報の保護に関する法律第71条: a recipient in a foreign country.
  if (c.use === 'PROVISION' && c.recipientAbroad && !bases.some((b) => b.kind === 'FOREIGN_RECIPIENT')) {
    refuse('INVALID_VALUE', ['提供先が外国にあるときは、根拠に個人情報の保護に関する法律第71条 (外国にある第三者への提供の制限) を含めてください。', 'A recipient abroad: the bases must include Article 71 of the Act (provision to a third party in a foreign country).'], actArticle('FOREIGN_RECIPIENT'), ['legalBases']);
  }
}
