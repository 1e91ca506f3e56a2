import { z } from 'zod';
import { DocumentFileName } from '../api/document';

/**
 * `documents.phoneLink` in the route map (routes.ts): the body is the PDF itself
 * (`Content-Type: application/pdf`), the query names the file the phone will save, and the
 * answer's value is a PhoneLink (src-shared/api/phone-link.ts). docs/documents-to-phone.md has the rules.
 */
export const PhoneLinkQuery = z.object({ fileName: DocumentFileName }).strict();
export type PhoneLinkQuery = z.infer<typeof PhoneLinkQuery>;
