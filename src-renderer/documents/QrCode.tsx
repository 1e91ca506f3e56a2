import { useMemo } from 'react';
import { qrPath } from './qr-modules';

interface QrCodeProps {
  readonly text: string;
  /** What a screen reader says instead of the picture. */
  readonly label: string;
}

/** A QR code drawn as SVG: black on white with its quiet zone, crisp at any size. */
export function QrCode({ text, label }: QrCodeProps) {
  const { size, path } = useMemo(() => qrPath(text), [text]);
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
