/**
 * Searching the registers by words: how text is compared (folded), and what a search by words may ask for. Not a rule
 * of the regulation but of this register's indexes (functions/store/registerIndex.ts): words are indexed once for the
 * whole city, not per department, status or order, so they go alone.
 */
import { refuse } from './refusal';

/**
 * Text as it is searched and sorted: NFKC (full-width letters and digits, half-width katakana and compatibility
 * characters folded: ＡＢＣ→ABC, ｼｽﾃﾑ→システム), lower case, hiragana folded into katakana (じゅうみん→ジュウミン),
 * and without spaces, middle dots or control characters.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\s\u00b7\u30fb\u0000-\u001f\u007f]/g, '');
}

/**
 * The words of a search as they are compared: refused when nothing is left to search for once folded (only spaces or
 * marks), or when other conditions (`others`: a department, a status, an order) are asked beside them. `field` names
 * the argument that carried the words.
 */
export function searchWords(text: string, others: boolean, field: string[]): string {
  const words = foldText(text);
  if (!words) refuse('INVALID_VALUE', ['検索語に文字がありません(空白・記号のみ)。', 'The search text has no characters to search for (only spaces or marks).'], undefined, field);
  if (others) {
    refuse(
      'INVALID_VALUE',
      ['名称の検索(filter.text)は他の条件(主管課・段階・区分・ネットワーク・並び順)と併用できません。検索語だけで探してください。', 'A search by name (filter.text) goes alone: drop the department, status, category, network and order.'],
      undefined,
      field,
    );
  }
  return words;
}
