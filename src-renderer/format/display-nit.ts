import { formatNit } from '../../src-shared/domain/nit';

/**
 * The entity's NIT as printed on its papers: `800.089.809-1`. Accepts it with its check
 * digit (`800089809-1`, any dots) and recomputes the punctuation; a bare body gets its digit.
 * A digit that does not match is shown as given rather than silently "corrected".
 */
export function displayNit(nit: string): string {
  const trimmed = nit.trim();
  const withDigit = /^([\d.\s]+)-\s*(\d)$/.exec(trimmed);
  if (withDigit?.[1] !== undefined) {
    const body = withDigit[1].replace(/[.\s]/g, '');
    if (body.length === 0 || body.length > 15) return trimmed;
    const formatted = formatNit(body);
    return formatted.endsWith(`-${withDigit[2]}`) ? formatted : trimmed;
  }
  return /^\d{1,15}$/.test(trimmed) ? formatNit(trimmed) : trimmed;
}
