/** `printers.receipt` in the config: a network printer, an OS queue, or a device path. */
export type ReceiptPrinterAddress =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'queue'; readonly queue: string }
  /**
   * A serial-like device the app writes to itself (docs/portable-printers.md): a Bluetooth SPP
   * printer bound as `/dev/rfcomm0`, a USB printer's `/dev/usb/lp0`, or a Windows COM port
   * (`path` is then `\\.\COM5`, the form CreateFile needs above COM9).
   */
  | { readonly kind: 'device'; readonly path: string };

/**
 * `tcp://host:port` (port 9100 when omitted), `printer:QUEUE`, `serial:///dev/rfcomm0`, a plain
 * absolute POSIX path under /dev, or `COM5` (also `serial://COM5`); null for anything else.
 * A path outside /dev is refused: the receipt bytes are for a printer, never for a file.
 */
export function parseReceiptPrinterAddress(text: string): ReceiptPrinterAddress | null {
  const trimmed = text.trim();
  const tcp = /^tcp:\/\/([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?\/?$/.exec(trimmed);
  if (tcp !== null) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (port < 1 || port > 65_535) return null;
    return { kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  const queue = /^printer:([A-Za-z0-9_.@-]{1,127})$/.exec(trimmed);
  if (queue !== null) return { kind: 'queue', queue: queue[1] ?? '' };
  const device = trimmed.startsWith('serial://') ? trimmed.slice('serial://'.length) : trimmed;
  const com = /^(?:\\\\\.\\)?(COM[1-9]\d{0,2})$/i.exec(device);
  if (com !== null) return { kind: 'device', path: `\\\\.\\${(com[1] ?? '').toUpperCase()}` };
  // Only plain names under /dev: no `..`, no spaces, nothing a shell or a typo could bend elsewhere.
  if (/^\/dev\/(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/.test(device) && !device.includes('/..'))
    return { kind: 'device', path: device };
  return null;
}
