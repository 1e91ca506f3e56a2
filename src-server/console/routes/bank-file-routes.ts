import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { bankFilesPage } from '../bank-file-pages';
import { listBankFiles } from '../bank-file-queries';
import { isMultipartForm } from '../form-bodies';
import { mayAct, refusedActionMessage } from '../staff-roles';

/**
 * «Archivos del banco»: the files imported, and an upload that hands the file to importBankFile
 * (src-server/wallet/bank-files/), which applies it once (by its SHA-256) and each record once.
 */
export function registerBankFileRoutes(router: ConsoleRouter, maxBytes: number): void {
  const { deps } = router;
  const importAvailable = deps.importBankFile !== undefined && deps.importBankFile !== null;

  router.page(consolePaths.bankFiles, async (_request, reply, ctx) => {
    const files = await listBankFiles(deps.database.exec, 100);
    return sendPage(reply, bankFilesPage(ctx.frame(), files, { maxBytes, importAvailable }));
  });

  router.action(
    consolePaths.bankFiles,
    async (request, reply, ctx) => {
      const show = async (status: number, notice: { kind: 'ok' | 'error'; text: string }) =>
        sendPage(
          reply,
          bankFilesPage({ ...ctx.frame(), notice }, await listBankFiles(deps.database.exec, 100), {
            maxBytes,
            importAvailable,
          }),
          status,
        );
      if (!mayAct(ctx.staff.role)) {
        deps.log.warn({ staff: ctx.staff.username, role: ctx.staff.role }, 'bank file import refused: role');
        return show(403, { kind: 'error', text: refusedActionMessage });
      }
      const importBankFile = deps.importBankFile;
      if (importBankFile === undefined || importBankFile === null)
        return show(503, { kind: 'error', text: 'La importación de archivos del banco todavía no está disponible.' });
      const body: unknown = request.body;
      const file = isMultipartForm(body) ? body.files.archivo : undefined;
      if (file === undefined || file.bytes.length === 0)
        return show(400, { kind: 'error', text: 'Elija el archivo del banco antes de importar.' });
      const fileName = (file.fileName.split(/[\\/]/).pop() ?? '').slice(0, 200) || 'archivo.txt';
      const result = await importBankFile(deps.database.exec, {
        fileName,
        // Read as the admin command reads a file (UTF-8), so the same bytes give the same SHA-256 either way.
        text: file.bytes.toString('utf8'),
        importedBy: ctx.staff.username,
        now: deps.now(),
      });
      deps.log.info(
        {
          staff: ctx.staff.username,
          records: result.records,
          applied: result.applied,
          duplicates: result.duplicates,
          unknownReference: result.unknownReference,
          amountMismatch: result.amountMismatch,
          rejectedLine: result.rejected?.line ?? null,
          importedBefore: result.file.importedBefore !== null,
        },
        'bank file import from the console',
      );
      return sendPage(
        reply,
        bankFilesPage(ctx.frame(), await listBankFiles(deps.database.exec, 100), {
          maxBytes,
          importAvailable,
          result,
        }),
        result.rejected === null ? 200 : 400,
      );
    },
    { multipart: true, bodyLimit: maxBytes },
  );
}
