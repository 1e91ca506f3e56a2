import { extensionsOf, type AttachmentType } from './sniff-type';

/** Longest display name kept, in characters, extension included. */
export const maxDisplayNameLength = 120;

/**
 * The name a citizen's file is shown and downloaded under, made from the name their device sent.
 * It is never a path on disk (files are stored by their SHA-256), but it ends up in a
 * `Content-Disposition` header, on a support agent's screen and as a file on their computer, so:
 * - only the last path part is kept (browsers send `C:\fakepath\…`; a crafted name `../../x`);
 * - control characters, CR/LF, Unicode format characters (the right-to-left override that makes
 *   `factura‮fdp.exe` read as `factura.exe.pdf`, zero-width joiners), line separators, lone
 *   surrogates, private-use and unassigned code points are removed;
 * - characters Windows refuses in a file name become `_`, runs of spaces one space, and leading
 *   and trailing dots and spaces go (a hidden file; Windows drops trailing dots itself);
 * - the extension is the one of the type the bytes were found to be (`foto.png` holding a JPEG
 *   becomes `foto.jpg`), so the file opens as what it is; with no type yet (a message about a
 *   file refused before its bytes were read), the name keeps the extension it came with;
 * - at most {@link maxDisplayNameLength} characters; `adjunto` when nothing is left.
 * Idempotent: cleaning a cleaned name gives it back.
 */
export function cleanDisplayName(raw: string, type: AttachmentType | null): string {
  const base = raw.normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[.\s]+|[.\s]+$/gu, '');
  const dot = /^(.+)\.([A-Za-z0-9]{1,5})$/.exec(cleaned);
  const given = dot?.[2];
  const right = type === null ? [] : extensionsOf[type];
  const extension = type === null || (given !== undefined && right.includes(given.toLowerCase())) ? given : right[0];
  let stem = (dot?.[1] ?? cleaned).replace(/[.\s]+$/u, '');
  // CON, NUL, COM1…: Windows opens the device instead of a file of that name.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) stem = `${stem}_`;
  const room = maxDisplayNameLength - (extension === undefined ? 0 : extension.length + 1);
  const short =
    [...stem]
      .slice(0, room)
      .join('')
      .replace(/[.\s]+$/u, '') || 'adjunto';
  return extension === undefined ? short : `${short}.${extension}`;
}
