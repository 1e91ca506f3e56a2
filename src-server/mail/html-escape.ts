/**
 * Escapes text for HTML element content and quoted attribute values. Every value that reaches
 * a mail or the mailbox page goes through this: names and addresses come from citizens.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
