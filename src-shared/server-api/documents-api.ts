import { z } from 'zod';
import { DocumentFileName } from '../api/document';

/**
 * `POST /v1/documents/phone-links` (device token, kiosks only): the body is the PDF itself
 * (`Content-Type: application/pdf`), the query names the file the phone will save. The answer's
 * value is a PhoneLink (src-shared/api/phone-link.ts). docs/documents-to-phone.md has the rules.
 */
export const phoneLinksPath = '/v1/documents/phone-links';

export const PhoneLinkQuery = z.object({ fileName: DocumentFileName }).strict();
export type PhoneLinkQuery = z.infer<typeof PhoneLinkQuery>;
