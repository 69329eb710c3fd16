/**
 * Input checked by class-validator (the decorators of graphql/*.ts), said in Japanese — or in class-validator's own
 * English when the client asks for it. Used by the API (functions/api/server.ts) and by the import of the city's
 * registers (functions/import), which checks each row with the same input classes.
 */
import type { Language } from './language';
import { PAGE_ARGUMENT_PROBLEMS } from '../../graphql/common';

export interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** The last number in class-validator's English message: the limit of the constraint it reports. */
const limitIn = (english: string) => /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(english)?.[1] ?? '?';

/**
 * What class-validator's constraints (every decorator used in graphql/*.ts, and the few it may add) say in Japanese,
 * from its English message (which holds the limit). `each`: the constraint applies to each element of a list.
 */
const JAPANESE_CONSTRAINTS: Record<string, (english: string, each: string) => string> = {
  maxLength: (m, each) => `${each}${limitIn(m)}文字以内で入力してください。`,
  minLength: (m, each) => (limitIn(m) === '1' ? `${each}空にはできません。入力してください。` : `${each}${limitIn(m)}文字以上で入力してください。`),
  arrayMaxSize: (m) => `${limitIn(m)}件以内で指定してください。`,
  arrayMinSize: (m) => `${limitIn(m)}件以上指定してください。`,
  min: (m, each) => `${each}${limitIn(m)}以上の値を指定してください。`,
  max: (m, each) => `${each}${limitIn(m)}以下の値を指定してください。`,
  matches: (m, each) => `${each}形式が正しくありません (${/must match (.*) regular expression/.exec(m)?.[1] ?? '?'})。`,
  isBoolean: (_m, each) => `${each}true または false で指定してください。`,
  isNotEmpty: (_m, each) => `${each}空にはできません。入力してください。`,
  isEmail: (_m, each) => `${each}メールアドレスの形式で入力してください。`,
  nestedValidation: () => 'オブジェクト (またはその一覧) で指定してください。',
  whitelistValidation: () => 'この項目は受け付けていません。',
  unknownValue: () => '受け付けられない値です。',
  pageArguments: (m) => Object.values(PAGE_ARGUMENT_PROBLEMS).find(([, en]) => en === m)?.[0] ?? 'ページの指定が正しくありません。',
};

/** One constraint's message: Japanese (the caller names the field), or class-validator's own English. */
function constraintMessage(constraint: string, english: string, language: Language): string {
  if (language === 'en') return english;
  const each = english.startsWith('each value in ') ? '各要素は' : '';
  return JAPANESE_CONSTRAINTS[constraint]?.(english, each) ?? `${each}入力値が正しくありません (${constraint})。`;
}

export function describeValidation(errors: ValidationErrorLike[], language: Language, path: string[] = []): { field: string[]; message: string }[] {
  return errors.flatMap((e) => [
    ...Object.entries(e.constraints ?? {}).map(([constraint, english]) => ({
      field: [...path, e.property],
      message: constraintMessage(constraint, english, language),
    })),
    ...describeValidation(e.children ?? [], language, [...path, e.property]),
  ]);
}

