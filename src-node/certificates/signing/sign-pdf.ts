import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import type { PdfSigner } from './pdf-signer';

/** What the signature dictionary says besides the signature: readers show it beside the signer. */
export interface PdfSignatureInfo {
  /** /Reason, e.g. «Certificado expedido por la Cámara de Comercio». */
  readonly reason: string;
  /** /Location, e.g. the chamber's city. */
  readonly location: string;
  /** /Name; the signer certificate's common name when absent. */
  readonly name?: string;
  /** /M, the signing time (PAdES puts it here, not in the CMS). */
  readonly signedAt: Date;
}

/** The @signpdf Signer that hands the prepared byte ranges to our CAdES signature. */
class CadesSigner extends Signer {
  constructor(private readonly signer: PdfSigner) {
    super();
  }

  override sign(content: Buffer): Promise<Buffer> {
    return Promise.resolve(this.signer.signDetached(content));
  }
}

const signPdfEngine = new SignPdf();

/**
 * Signs a PDF (as pdf-lib writes it) with a PAdES baseline B-B signature: SubFilter
 * ETSI.CAdES.detached, an invisible signature field on the first page, and a /ByteRange that
 * covers the whole file but the signature itself, so any change to the document shows as an
 * invalid signature in a reader. The document is re-saved by pdf-lib without object streams
 * (the placeholder must be found as text); fonts and pages stay as they were. Not for a PDF
 * that is already signed: re-saving it would break the earlier signature.
 */
export async function signPdf(pdf: Uint8Array, signer: PdfSigner, info: PdfSignatureInfo): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: pdfDocText(info.reason),
    location: pdfDocText(info.location),
    name: pdfDocText(info.name ?? signer.commonName),
    contactInfo: '',
    signingTime: info.signedAt,
    // The placeholder's length counts hex digits, two per signature byte.
    signatureLength: signer.signatureLength * 2,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Ventanilla',
  });
  const prepared = await document.save({ useObjectStreams: false });
  const signed = await signPdfEngine.sign(Buffer.from(prepared), new CadesSigner(signer), info.signedAt);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}

/** Typographic characters PDFDocEncoding lacks but Spanish text uses, and what stands for them. */
const plainer: Readonly<Record<string, string>> = { '—': '-', '–': '-', '‘': "'", '’': "'", '“': '"', '”': '"' };

/**
 * The placeholder writes these strings byte for byte as PDF literal strings: escape what a
 * literal string must escape and keep to Latin-1, which PDFDocEncoding shares for accents and ñ.
 */
export function pdfDocText(text: string): string {
  return [...text]
    .map((char) => plainer[char] ?? (char.charCodeAt(0) > 0xff ? '?' : char))
    .join('')
    .replace(/[\\()]/g, (char) => `\\${char}`)
    .replace(/[\r\n]/g, ' ');
}
