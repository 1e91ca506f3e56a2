import { escapeHtml } from '../mail/html-escape';

/**
 * HTML that is already safe to send: only `html` and `raw` make one. Pages are written with the
 * `html` tag, which escapes every interpolated value unless it is itself `Html`, so a holder's
 * name, a bank line or a note typed by staff can never become markup — escaping is the default,
 * not something each page must remember.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a page may interpolate: text (escaped), numbers, nothing, markup built here, or lists of those. */
export type HtmlValue = string | number | null | undefined | false | Html | readonly HtmlValue[];

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup written in this folder as a constant (the stylesheet link, a fixed fragment); never data. */
export const trusted = (text: string): Html => new Html(text);

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}
