import { PDFDocument, rgb } from 'pdf-lib';
import type { CertificateDescription } from './certificate-document';
import { embedCertificateFonts, type CertificateFonts } from './certificate-fonts';
import { layoutBody, type BodyPage } from './certificate-layout';
import { activeWatermarks, drawWatermarks, page, pageFrame, watermarkColor } from './certificate-page-frame';
import { certificateSections } from './certificate-sections';
import { linesAsText, type PlacedLine } from './certificate-text-lines';
import { certificateTitles, verificationUrl } from './certificate-wording';
import { drawQrCode, qrSymbol } from './qr-drawing';

/**
 * A chamber-of-commerce certificate as PDF bytes (pdf-lib), from its typed description: lay the
 * body out first, then draw every page's header with "Página N de M", the QR with the
 * verification URL and the watermarks. Pure: the same description gives the same bytes (the
 * document's dates are the issue time, not the clock's). Signing (PAdES) happens afterwards,
 * on these bytes.
 */

interface LaidOut {
  readonly fonts: CertificateFonts;
  readonly pages: readonly { readonly header: ReturnType<typeof pageFrame>; readonly body: BodyPage }[];
}

async function layOut(pdf: PDFDocument, input: CertificateDescription): Promise<LaidOut> {
  const fonts = await embedCertificateFonts(pdf);
  // The header's height does not depend on the page number: measure it once for the body area.
  const probe = pageFrame(input, fonts, 1, 1);
  const area = {
    left: page.margin,
    width: page.width - 2 * page.margin,
    top: probe.bodyTop,
    bottom: page.bottom,
  };
  const bodies = layoutBody(certificateSections(input), fonts, area);
  return {
    fonts,
    pages: bodies.map((body, i) => ({ header: pageFrame(input, fonts, i + 1, bodies.length), body })),
  };
}

/**
 * A certificate must never print a code the verification page cannot find or a price that is
 * not whole pesos: those are the caller's bugs, stopped before any byte is made.
 */
function assertIssuable(input: CertificateDescription): void {
  if (!/^[A-Za-z0-9]{10}$/.test(input.verificationCode)) {
    throw new RangeError('A verification code is 10 letters or digits');
  }
  if (!/^\d{2}$/.test(input.chamber.code)) throw new RangeError('A chamber code is 2 digits');
  if (!Number.isSafeInteger(input.pricePesos) || input.pricePesos < 0) {
    throw new RangeError('A certificate price is whole pesos');
  }
}

async function newDocument(input: CertificateDescription): Promise<PDFDocument> {
  assertIssuable(input);
  const pdf = await PDFDocument.create();
  const title = certificateTitles[input.kind];
  pdf.setTitle(`${title} – ${input.business.name}`, { showInWindowTitleBar: true });
  pdf.setAuthor(input.chamber.name);
  pdf.setSubject(`${title}. Código de verificación ${input.verificationCode}`);
  pdf.setKeywords([
    input.verificationCode,
    `cámara ${input.chamber.code}`,
    `matrícula ${input.business.matricula.number}`,
  ]);
  pdf.setCreator('Ventanilla');
  pdf.setProducer('Ventanilla');
  pdf.setLanguage('es-CO');
  pdf.setCreationDate(input.issuedAt);
  pdf.setModificationDate(input.issuedAt);
  return pdf;
}

const rule = rgb(0.55, 0.6, 0.66);

/** The certificate as PDF bytes, fonts embedded, unsigned. */
export async function renderCertificatePdf(input: CertificateDescription): Promise<Uint8Array> {
  const pdf = await newDocument(input);
  const { fonts, pages } = await layOut(pdf, input);
  const qr = qrSymbol(verificationUrl(input));
  for (const { header, body } of pages) {
    const target = pdf.addPage([page.width, page.height]);
    const draw = (line: PlacedLine): void => {
      target.drawText(line.text, {
        x: line.x,
        y: line.y,
        size: line.size,
        font: (line.weight === 'bold' ? fonts.bold : fonts.regular).pdf,
        color: rgb(0.08, 0.08, 0.08),
      });
    };
    header.lines.forEach(draw);
    target.drawLine({
      start: { x: page.margin, y: header.ruleY },
      end: { x: page.width - page.margin, y: header.ruleY },
      thickness: 0.6,
      color: rule,
    });
    body.lines.forEach(draw);
    for (const r of body.rules) {
      target.drawLine({ start: { x: r.x, y: r.y }, end: { x: r.x + r.width, y: r.y }, thickness: 0.4, color: rule });
    }
    for (const line of header.footer) {
      target.drawText(line.text, {
        x: line.x,
        y: line.y,
        size: line.size,
        font: fonts.bold.pdf,
        color: watermarkColor,
      });
    }
    drawWatermarks(target, input, fonts);
    // Over the watermark: its white quiet zone keeps the symbol readable on a preview.
    drawQrCode(target, qr, header.qr);
  }
  return pdf.save({ useObjectStreams: false });
}

/** One page of the certificate as plain text: header lines, body lines top to bottom, watermarks. */
export interface CertificatePageText {
  readonly header: readonly string[];
  readonly body: readonly string[];
  /** The watermarks printed across the page and in red at its foot. */
  readonly watermarks: readonly string[];
}

/**
 * The text each page of the certificate holds, from the same layout the PDF is drawn from: for
 * tests, the kiosk's preview and the verification page's text view.
 */
export async function certificatePageTexts(input: CertificateDescription): Promise<readonly CertificatePageText[]> {
  assertIssuable(input);
  const pdf = await PDFDocument.create();
  const { pages } = await layOut(pdf, input);
  return pages.map(({ header, body }) => ({
    header: linesAsText(header.lines),
    body: linesAsText(body.lines),
    watermarks: activeWatermarks(input),
  }));
}
