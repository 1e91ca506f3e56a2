/**
 * How names are compared when someone looks a business up by name at the kiosk: without
 * accents, case or punctuation, so «ferreteria tolima», «FERRETERÍA EL TOLIMA S.A.S.» and
 * «Ferretería El Tolima SAS» meet. The registry stores every name's key beside it and the search
 * normalises what was typed the same way, so one function serves both sides. «Ñ» becomes «n»:
 * a touch keyboard may not offer it, and a name is never told apart by it alone.
 */

/** Typed words beyond this are ignored: a name search is a few words, not a paragraph. */
export const maxSearchWords = 6;
const maxWordLength = 40;

/** `FERRETERÍA EL TOLIMA S.A.S.` → `ferreteria el tolima sas`. */
export function registryNameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(?<=[a-z0-9])\.(?=[a-z0-9])/g, '') // abbreviations: S.A.S. → sas, E.S.P. → esp
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a typed search, normalised; empty when nothing searchable was typed. */
export function searchWords(typed: string): string[] {
  return registryNameKey(typed)
    .split(' ')
    .filter((word) => word !== '')
    .slice(0, maxSearchWords)
    .map((word) => word.slice(0, maxWordLength));
}
