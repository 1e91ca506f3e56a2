import { describe, expect, it } from 'vitest';
import { TicketFileTray } from '../../../src-main/tickets/ticket-file-tray';
import { ticketMessages } from '../../../src-main/tickets/ticket-messages';

const limits = { maxCount: 2, maxBytes: 10 };
const id = (n: number) => `01900000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`;
const part = (fileId: string, bytes: string, offset: number, size: number) => ({
  fileId,
  name: 'foto.jpg',
  size,
  offset,
  data: Buffer.from(bytes, 'latin1').toString('base64'),
});

describe('the kiosk’s tray of attached files', () => {
  it('takes a file in parts, in order, and gives it whole to the submission that names it', () => {
    const tray = new TicketFileTray(() => limits);
    expect(tray.add(part(id(1), 'abcd', 0, 6))).toMatchObject({ ok: true, value: { received: 4, complete: false } });
    // Not complete yet: a submission with it is refused.
    expect(tray.uploads([id(1)])).toMatchObject({ ok: false, error: { message: ticketMessages.fileIncomplete } });
    expect(tray.add(part(id(1), 'ef', 4, 6))).toMatchObject({ ok: true, value: { received: 6, complete: true } });
    const uploads = tray.uploads([id(1), id(1)]);
    expect(uploads).toEqual({
      ok: true,
      value: [{ name: 'foto.jpg', base64: Buffer.from('abcdef').toString('base64') }],
    });
    tray.release([id(1)]);
    expect(tray.uploads([id(1)])).toMatchObject({ ok: false, error: { message: ticketMessages.fileGone } });
  });

  it('refuses a file larger than the limit by its declared size, and a part out of order or past the size', () => {
    const tray = new TicketFileTray(() => limits);
    expect(tray.add(part(id(1), 'a', 0, 11))).toMatchObject({ ok: false, error: { field: 'attachments' } });
    expect(tray.add(part(id(2), 'a', 3, 5))).toMatchObject({
      ok: false,
      error: { message: ticketMessages.partOutOfOrder },
    });
    tray.add(part(id(3), 'abc', 0, 4));
    expect(tray.add(part(id(3), 'de', 3, 4))).toMatchObject({ ok: false });
    // The file is forgotten: its next part finds nothing to follow.
    expect(tray.add(part(id(3), 'd', 3, 4))).toMatchObject({
      ok: false,
      error: { message: ticketMessages.partOutOfOrder },
    });
  });

  it('holds one ticket’s and one message’s files at most, and a submission carries no more than the count', () => {
    const tray = new TicketFileTray(() => limits);
    for (const n of [1, 2, 3, 4]) expect(tray.add(part(id(n), 'x', 0, 1)).ok).toBe(true);
    expect(tray.add(part(id(5), 'x', 0, 1))).toMatchObject({ ok: false, error: { field: 'attachments' } });
    expect(tray.uploads([id(1), id(2), id(3)])).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Puede adjuntar hasta 2 archivos') },
    });
    expect(tray.remove(id(4))).toBe(true);
    expect(tray.add(part(id(5), 'x', 0, 1)).ok).toBe(true);
    tray.clear();
    expect(tray.uploads([id(5)])).toMatchObject({ ok: false, error: { message: ticketMessages.fileGone } });
  });
});
