import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig, ServerConfigError } from '../../../src-server/config';
import { defaultAttachmentLimits, loadAttachmentConfig } from '../../../src-server/tickets/attachments';

/** VENTANILLA_TICKET_ATTACHMENT_*: defaults, every variable read, wrong values stop start-up in Spanish. */
describe('ticket attachments: configuration', () => {
  it('defaults to 10 MiB, 5 files per submission, 30 per ticket, PDF, JPEG and PNG, under the data dir', () => {
    expect(loadServerConfig({}, { dataDir: '/srv/ventanilla' }).ticketAttachments).toEqual({
      maxBytes: 10 * 1024 * 1024,
      maxCount: 5,
      maxPerTicket: 30,
      maxPixels: 50_000_000,
      allowedTypes: ['pdf', 'jpeg', 'png'],
      dir: path.resolve('/srv/ventanilla/server/attachments'),
    });
    expect(defaultAttachmentLimits.allowedTypes).not.toContain('webp');
  });

  it('reads each variable', () => {
    expect(
      loadAttachmentConfig(
        {
          VENTANILLA_TICKET_ATTACHMENT_MAX_BYTES: '2097152',
          VENTANILLA_TICKET_ATTACHMENT_MAX_COUNT: '3',
          VENTANILLA_TICKET_ATTACHMENT_MAX_PER_TICKET: '12',
          VENTANILLA_TICKET_ATTACHMENT_MAX_PIXELS: '24000000',
          VENTANILLA_TICKET_ATTACHMENT_TYPES: ' PDF, jpeg ,webp,png,pdf ',
          VENTANILLA_TICKET_ATTACHMENT_DIR: '/mnt/compartido/adjuntos',
        },
        '/srv/ventanilla',
      ),
    ).toEqual({
      maxBytes: 2_097_152,
      maxCount: 3,
      maxPerTicket: 12,
      maxPixels: 24_000_000,
      allowedTypes: ['pdf', 'jpeg', 'webp', 'png'],
      dir: path.resolve('/mnt/compartido/adjuntos'),
    });
  });

  it.each([
    ['VENTANILLA_TICKET_ATTACHMENT_MAX_BYTES', '10MB', 'un número de bytes entre 65536 y 104857600'],
    ['VENTANILLA_TICKET_ATTACHMENT_MAX_COUNT', '0', 'un número entero de archivos entre 1 y 50'],
    ['VENTANILLA_TICKET_ATTACHMENT_TYPES', 'pdf,svg', 'una lista separada por comas de pdf, jpeg, png, webp'],
    ['VENTANILLA_TICKET_ATTACHMENT_TYPES', ',', 'una lista separada por comas de pdf, jpeg, png, webp'],
  ])('refuses %s=%s with a Spanish sentence', (name, value, what) => {
    expect(loadAttachmentConfig({ [name]: value }, '/srv')).toEqual({
      problem: `${name} debe ser ${what}, no «${value}».`,
    });
    expect(() => loadServerConfig({ [name]: value }, { dataDir: '/srv' })).toThrow(ServerConfigError);
  });

  it('refuses fewer files per ticket than per submission', () => {
    expect(
      loadAttachmentConfig(
        { VENTANILLA_TICKET_ATTACHMENT_MAX_COUNT: '10', VENTANILLA_TICKET_ATTACHMENT_MAX_PER_TICKET: '5' },
        '/srv',
      ),
    ).toEqual({
      problem:
        'VENTANILLA_TICKET_ATTACHMENT_MAX_PER_TICKET (5) no puede ser menor que VENTANILLA_TICKET_ATTACHMENT_MAX_COUNT (10).',
    });
  });
});
