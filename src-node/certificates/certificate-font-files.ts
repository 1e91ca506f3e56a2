import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the certificate's fonts come from: DejaVu Sans 2.37 (Bitstream Vera licence, free to
 * embed and redistribute) as shipped by the `dejavu-fonts-ttf` package. (Noto Sans was tried
 * first: pdf-lib's subsetting through fontkit drops most of its glyphs, so letters vanish when
 * printed while the text layer still reads right.) The package is found the way Node finds any
 * dependency, from this module's own location, so the same code works under tsx, in the
 * esbuild bundle of `npm start` (which keeps this module's `import.meta.url`), in the Electron
 * main bundle and from a compiled server beside its node_modules. The bytes are read once per process.
 */
const fontPackage = 'dejavu-fonts-ttf';

const files = {
  regular: path.join('ttf', 'DejaVuSans.ttf'),
  bold: path.join('ttf', 'DejaVuSans-Bold.ttf'),
} as const;

export type CertificateFontWeight = keyof typeof files;

function packageDir(): string {
  // In the Electron main bundle (CommonJS) esbuild empties `import.meta`; `__filename` is the
  // bundle's own path there, and undefined in an ES module.
  const here = typeof __filename === 'string' ? __filename : import.meta.url;
  const require = createRequire(here);
  return path.dirname(require.resolve(`${fontPackage}/package.json`));
}

const cache = new Map<CertificateFontWeight, Uint8Array>();

/** The TrueType bytes of one weight. */
export function certificateFontBytes(weight: CertificateFontWeight): Uint8Array {
  let bytes = cache.get(weight);
  if (bytes === undefined) {
    bytes = readFileSync(path.join(packageDir(), files[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}
