import { err, ok, type Result } from '../../../src-shared/api/result';
import { tooLarge } from './attachment-limits';

/**
 * An upload's bytes from a stream (a request body, a multipart part), refused as soon as it is
 * past `maxBytes`: at most `maxBytes + 1` bytes are ever kept, the rest is not read (leaving the
 * loop destroys a Node stream, which closes the source). An empty file is refused too.
 */
export async function readUpTo(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
  name: string,
): Promise<Result<Buffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const room = maxBytes + 1 - size;
    const kept = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
    chunks.push(Buffer.from(kept.buffer, kept.byteOffset, kept.byteLength));
    size += kept.byteLength;
    if (size > maxBytes) return err('validation', tooLarge(name, maxBytes), 'attachments');
  }
  if (size === 0) return err('validation', `«${name}» está vacío. Elija el archivo de nuevo.`, 'attachments');
  return ok(Buffer.concat(chunks, size));
}
