import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * A signed PDF checked the way a reader outside the chamber would: poppler's `pdfsig` (NSS
 * underneath, as in Firefox and Evince) for the signatures and `pdffonts` for the fonts
 * (Debian poppler-utils, which .ci/run installs). No fallback: a missing tool fails the test.
 */
const run = promisify(execFile);

/** One signature as pdfsig prints it; every field is the text after its label, as printed. */
export interface PdfsigSignature {
  readonly fieldName: string | undefined;
  readonly signerCommonName: string | undefined;
  readonly signerDistinguishedName: string | undefined;
  readonly hashAlgorithm: string | undefined;
  readonly signatureType: string | undefined;
  readonly signedRanges: string | undefined;
  /** `Total document signed` or `Not total document signed`. */
  readonly coverage: string | undefined;
  /** e.g. `Signature is Valid.`, `Digest Mismatch.` */
  readonly validation: string | undefined;
  /** e.g. `Certificate issuer is unknown.`, `Certificate is Trusted.` */
  readonly certificateValidation: string | undefined;
}

export interface PdfsigReport {
  /** pdfsig's whole output, for a failing assertion's message. */
  readonly text: string;
  readonly signatures: readonly PdfsigSignature[];
}

/** `pdfsig <file>`; its exit status is not the verdict (it is 0 for a digest mismatch too), the text is. */
export async function pdfsig(pdfFile: string): Promise<PdfsigReport> {
  const text = await stdoutOf('pdfsig', [pdfFile]);
  const blocks = text.split(/^Signature #\d+:$/m).slice(1);
  const signatures = blocks.map((block): PdfsigSignature => {
    const field = (label: string): string | undefined =>
      new RegExp(`^\\s*- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim();
    return {
      fieldName: field('Signature Field Name'),
      signerCommonName: field('Signer Certificate Common Name'),
      signerDistinguishedName: field('Signer full Distinguished Name'),
      hashAlgorithm: field('Signing Hash Algorithm'),
      signatureType: field('Signature Type'),
      signedRanges: field('Signed Ranges'),
      coverage: /^\s*- ((?:Not )?[Tt]otal document signed)$/m.exec(block)?.[1],
      validation: field('Signature Validation'),
      certificateValidation: field('Certificate Validation'),
    };
  });
  return { text, signatures };
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

/** `pdffonts <file>`: every font the pages use, and whether the file carries it. */
export async function pdfFonts(pdfFile: string): Promise<readonly PdfFont[]> {
  const text = await stdoutOf('pdffonts', [pdfFile]);
  const lines = text.split('\n');
  const rule = lines.findIndex((line) => line.startsWith('-----'));
  return lines
    .slice(rule + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may hold spaces), encoding, then emb sub uni object generation.
      const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!match) throw new Error(`pdffonts printed a line it does not print: ${line}`);
      return { name: match[1] ?? '', type: match[2] ?? '', embedded: match[4] === 'yes' };
    });
}

async function stdoutOf(command: string, args: readonly string[]): Promise<string> {
  try {
    return (await run(command, [...args])).stdout;
  } catch (error) {
    // Some poppler versions end with a non-zero status for a damaged signature; keep their report.
    if (typeof error === 'object' && error !== null && 'stdout' in error && typeof error.stdout === 'string') {
      if (error.stdout.trim() !== '') return error.stdout;
    }
    throw error;
  }
}
