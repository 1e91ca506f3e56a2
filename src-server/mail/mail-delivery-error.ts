/**
 * Why a mail did not go out, in the two classes the outbox acts on (STYLE §10): transient
 * failures are retried with backoff for as long as it takes; permanent ones are parked as
 * `failed` where staff can see them, so they never block the queue.
 *
 * `reason` is stored in `last_error` and logged, so it is built to hold no address and no
 * credential: SMTP replies quote the recipient («550 5.1.1 <ana@example.com>: unknown user»)
 * and connection errors may quote a URL.
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  constructor(
    readonly permanent: boolean,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** What a nodemailer error carries (NodemailerError), read defensively from `unknown`. */
interface SmtpErrorFields {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly command?: unknown;
  readonly message?: unknown;
}

/**
 * Permanent only when the relay refused *this mail*: a 5xx reply (except 503, "bad
 * sequence", which a new connection fixes) to RCPT TO (unknown recipient) or to DATA (content
 * refused). A 5xx to AUTH or MAIL FROM is the server's configuration (wrong password, sender
 * not allowed): every mail would fail the same way, so they stay queued until an operator
 * fixes SMTP_URL or MAIL_FROM, instead of all being marked failed. Connection refused,
 * timeouts and 4xx replies are transient.
 */
export function classifySmtpError(error: unknown): MailDeliveryError {
  const fields: SmtpErrorFields = typeof error === 'object' && error !== null ? error : {};
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : null;
  const command = typeof fields.command === 'string' ? fields.command : null;
  const permanentReply = responseCode !== null && responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  const aboutThisMail = command === 'RCPT TO' || command === 'DATA';
  return new MailDeliveryError(permanentReply && aboutThisMail, describeSmtpError(fields), { cause: error });
}

/** Any failure as a delivery error; what no transport classified is transient. */
export function asDeliveryError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new MailDeliveryError(false, redactReason(message), { cause: error });
}

function describeSmtpError(fields: SmtpErrorFields): string {
  const tags = [fields.code, fields.responseCode, fields.command].filter(
    (part): part is string | number => typeof part === 'string' || typeof part === 'number',
  );
  const message = typeof fields.message === 'string' ? fields.message : 'error desconocido';
  return redactReason(`${tags.length > 0 ? `${tags.join(' ')}: ` : ''}${message}`);
}

const MAX_REASON_LENGTH = 300;

/** Addresses and URLs out, length bounded: `last_error` is shown to staff and logged. */
export function redactReason(text: string): string {
  const redacted = text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]')
    .replace(/[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g, '[dirección]')
    .replace(/\s+/g, ' ')
    .trim();
  return redacted.length > MAX_REASON_LENGTH ? `${redacted.slice(0, MAX_REASON_LENGTH - 1)}…` : redacted;
}
