/** `printers.receipt` in the config: a network printer or an OS queue that takes raw bytes. */
export type ReceiptPrinterAddress =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'queue'; readonly queue: string };

/** `tcp://host:port` (port 9100 when omitted) or `printer:QUEUE`; null for anything else. */
export function parseReceiptPrinterAddress(text: string): ReceiptPrinterAddress | null {
  const tcp = /^tcp:\/\/([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?\/?$/.exec(text.trim());
  if (tcp !== null) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (port < 1 || port > 65_535) return null;
    return { kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  const queue = /^printer:([A-Za-z0-9_.@-]{1,127})$/.exec(text.trim());
  return queue === null ? null : { kind: 'queue', queue: queue[1] ?? '' };
}
