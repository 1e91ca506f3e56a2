import { z } from 'zod';

/**
 * «Llevar a mi celular» (docs/documents-to-phone.md): a document left on the central server for a
 * few minutes behind a single-use link, which the kiosk shows as a QR for the citizen's phone.
 * Nothing of it is kept on the kiosk.
 */

/** How long the central server holds a document for the phone, unless configured otherwise. */
export const defaultPhoneLinkMinutes = 10;

export const PhoneLink = z.object({
  /** `https://…/d/<token>`: the whole link, the token 128 random bits; opens once. */
  url: z.string().url().max(400),
  /** ISO instant after which the link answers «no existe» like any unknown one. */
  expiresAt: z.string().datetime({ offset: true }),
});
export type PhoneLink = z.infer<typeof PhoneLink>;

/** The public path of a link: `/d/` and the token, 22 base64url characters. */
export const phoneLinkPathPrefix = '/d/';
export const PhoneLinkToken = z.string().regex(/^[A-Za-z0-9_-]{22}$/);
