/**
 * A tiny HTML escaper for the printed forms: `html` is a tagged template whose interpolations are escaped unless they
 * are themselves `html` (a `Markup`); arrays are joined; null, undefined and false print nothing. Nothing a person
 * typed reaches a page unescaped.
 */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export type Printable = Markup | string | number | null | undefined | false | readonly Printable[];

function piece(value: Printable): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Printable[]): Markup {
  let out = strings[0];
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1];
  });
  return new Markup(out);
}
