/** Standard base64 of bytes, as the contract carries a file's parts (btoa takes one character per byte). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Spread in slices: one call with a whole part would pass too many arguments.
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, Math.min(at + 0x8000, bytes.length)));
  return btoa(binary);
}
