/**
 * The body of a certificate as a list of blocks, before any measuring: what the layout flows
 * onto pages and what a test reads in order. Every block is text, so the PDF's text layer (what
 * `pdftotext` and a screen reader get) holds the whole certificate.
 */
export type CertificateBlock =
  /** `CERTIFICA`, centred, after the fundamento. */
  | { readonly type: 'certifica' }
  /** A section's title, bold and centred. */
  | { readonly type: 'heading'; readonly text: string }
  /** Running text, wrapped to the body's width. */
  | {
      readonly type: 'paragraph';
      readonly text: string;
      readonly bold?: boolean;
      readonly center?: boolean;
      /** Stays on one page with the block after it (the lines of the signature). */
      readonly keepWithNext?: boolean;
    }
  /** Blank room, in points (above the signature); `keepWithNext` as for a paragraph. */
  | { readonly type: 'gap'; readonly height: number; readonly keepWithNext?: boolean }
  /** A label and its value; the value wraps beside the label. */
  | { readonly type: 'field'; readonly label: string; readonly value: string }
  /** Rows of cells under column titles; each cell wraps within its column. */
  | {
      readonly type: 'table';
      readonly columns: readonly { readonly title: string; readonly share: number }[];
      readonly rows: readonly (readonly string[])[];
    };

/** Section ids in the order of the facts file (§6.2), shared by the three certificate kinds. */
export const sectionIds = [
  'fundamento',
  'nombre-identificacion-domicilio',
  'matricula',
  'ubicacion',
  'constitucion',
  'cancelacion',
  'medidas-cautelares',
  'termino-duracion',
  'objeto-social',
  'capital',
  'representacion-legal',
  'nombramientos',
  'reformas',
  'actividad-economica',
  'establecimientos',
  'propietarios',
  'tamano-empresarial',
  'firma',
] as const;
export type SectionId = (typeof sectionIds)[number];

export interface CertificateSection {
  readonly id: SectionId;
  readonly blocks: readonly CertificateBlock[];
}
