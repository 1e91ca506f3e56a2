import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { pesos, when } from './console-format';
import type { BankFileView } from './bank-file-queries';
import { html, type Html } from './html';
import { mayAct } from './staff-roles';

/** What an import answers (the admin command's `--json`): counts of the file's detail records. */
export interface BankImportSummary {
  readonly file: string;
  readonly records: number;
  readonly applied: number;
  readonly duplicates: number;
  readonly unknownReference: number;
  readonly amountMismatch: number;
  readonly rejected: number;
}

const summaryLines: ReadonlyArray<[keyof BankImportSummary, string]> = [
  ['records', 'Registros en el archivo'],
  ['applied', 'Abonados a su liquidación'],
  ['duplicates', 'Ya importados antes (no se abonan otra vez)'],
  ['unknownReference', 'Referencia desconocida (en Revisiones)'],
  ['amountMismatch', 'Valor distinto (en Revisiones)'],
  ['rejected', 'Rechazados'],
];

export function bankFilesPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  files: readonly BankFileView[],
  opts: { result?: BankImportSummary | null; maxBytes: number; importAvailable: boolean },
): Html {
  const rows = files.map(
    (f) =>
      html`<tr>
        <td>${f.fileName}</td>
        <td>${f.bankCode}</td>
        <td>${f.collectedOn}</td>
        <td class="num">${f.records}</td>
        <td class="num">${pesos(f.totalAmount)}</td>
        <td>${summaryText(f.summary)}</td>
        <td>${when(f.importedAt)}</td>
        <td>${f.importedBy}</td>
      </tr>`,
  );
  return consolePage(
    { ...frame, title: 'Archivos del banco', active: 'bankFiles' },
    html`<h1>Archivos del banco</h1>
      ${opts.result ? resultBlock(opts.result) : ''} ${uploadForm(frame, opts)}
      <h2>Archivos importados</h2>
      ${
        rows.length === 0
          ? html`<p class="hint">Todavía no se ha importado ningún archivo.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Archivo</th>
                  <th>Banco</th>
                  <th>Recaudado el</th>
                  <th class="num">Registros</th>
                  <th class="num">Total</th>
                  <th>Resultado</th>
                  <th>Importado</th>
                  <th>Por</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }`,
  );
}

function uploadForm(
  frame: Omit<PageFrame, 'title' | 'active'>,
  opts: { maxBytes: number; importAvailable: boolean },
): Html {
  if (!mayAct(frame.staff.role))
    return html`<p class="hint">Solo un supervisor puede importar un archivo del banco.</p>`;
  if (!opts.importAvailable)
    return html`<p class="notice error">
      La importación de archivos Asobancaria todavía no está disponible en este servidor.
    </p>`;
  return html`<form method="post" action="${consolePaths.bankFiles}" enctype="multipart/form-data" class="action">
    <input type="hidden" name="csrf" value="${frame.csrf}" />
    <label>Archivo Asobancaria 2001 del banco <input type="file" name="archivo" required /></label>
    <p class="hint">
      Hasta ${Math.floor(opts.maxBytes / 1_048_576)} MB. Un archivo con un error de formato o de totales se rechaza
      entero, sin abonar nada. Un archivo o un registro ya importado no se abona dos veces.
    </p>
    <button type="submit">Importar</button>
  </form>`;
}

function resultBlock(result: BankImportSummary): Html {
  return html`<section class="notice ok" role="status" data-testid="resultado-importacion">
    <p><strong>Archivo ${result.file} importado.</strong></p>
    <dl class="facts">
      ${summaryLines.map(
        ([key, label]) =>
          html`<dt>${label}</dt>
            <dd>${String(result[key])}</dd>`,
      )}
    </dl>
  </section>`;
}

function summaryText(summary: Record<string, unknown>): string {
  const n = (key: string): number => (typeof summary[key] === 'number' ? (summary[key] as number) : 0);
  return `${n('applied')} abonados, ${n('duplicates')} repetidos, ${n('unknownReference') + n('amountMismatch')} en revisión, ${n('rejected')} rechazados`;
}
