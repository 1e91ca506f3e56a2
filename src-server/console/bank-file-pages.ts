import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { pesos, when } from './console-format';
import type { BankFileView } from './bank-file-queries';
import { html, type Html } from './html';
import { mayAct } from './staff-roles';

/**
 * What an import answers (BankFileSummary of src-server/wallet/bank-files/, the admin command's
 * `--json`): the file, and counts of its detail records. Written here as the part the page reads.
 */
export interface BankImportSummary {
  readonly file: {
    readonly name: string;
    readonly bankCode: string | null;
    readonly collectedOn: string | null;
    readonly totalAmount: number;
    readonly importedBefore: string | null;
  };
  readonly records: number;
  readonly applied: number;
  readonly duplicates: number;
  readonly unknownReference: number;
  readonly amountMismatch: number;
  /** The whole file refused, nothing written: the first line at fault (its message names the line). */
  readonly rejected: { readonly line: number; readonly message: string } | null;
}

const summaryLines: ReadonlyArray<[CountKey, string]> = [
  ['records', 'Registros en el archivo'],
  ['applied', 'Abonados a su liquidación'],
  ['duplicates', 'Ya importados antes (no se abonan otra vez)'],
  ['unknownReference', 'Referencia desconocida (en Revisiones)'],
  ['amountMismatch', 'Valor distinto (en Revisiones)'],
];
type CountKey = 'records' | 'applied' | 'duplicates' | 'unknownReference' | 'amountMismatch';

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
  if (result.rejected !== null)
    return html`<section class="notice error" role="alert" data-testid="resultado-importacion">
      <p><strong>El archivo ${result.file.name} se rechazó entero; no se abonó nada.</strong></p>
      <p>${result.rejected.message}</p>
    </section>`;
  if (result.file.importedBefore !== null)
    return html`<section class="notice error" role="status" data-testid="resultado-importacion">
      <p>
        <strong
          >Este archivo ya se había importado el ${when(result.file.importedBefore)}: no se abonó nada otra vez.</strong
        >
      </p>
    </section>`;
  return html`<section class="notice ok" role="status" data-testid="resultado-importacion">
    <p>
      <strong>Archivo ${result.file.name} importado</strong> (banco ${result.file.bankCode ?? '—'}, recaudo del
      ${result.file.collectedOn ?? '—'}, total ${pesos(result.file.totalAmount)}).
    </p>
    <dl class="facts">
      ${summaryLines.map(
        ([key, label]) =>
          html`<dt>${label}</dt>
            <dd>${result[key]}</dd>`,
      )}
    </dl>
    ${result.unknownReference + result.amountMismatch > 0 ? html`<p><a href="${consolePaths.reviews}">Ver los registros en Revisiones</a></p>` : ''}
  </section>`;
}

function summaryText(summary: Record<string, unknown>): string {
  const n = (key: string): number => (typeof summary[key] === 'number' ? (summary[key] as number) : 0);
  return `${n('applied')} abonados, ${n('duplicates')} repetidos, ${n('unknownReference') + n('amountMismatch')} en revisión`;
}
