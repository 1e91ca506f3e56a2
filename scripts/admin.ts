import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { passwordFrom, staffCommand, StaffUsageError, type PasswordInput } from '../src-server/admin/staff-cli';
import { releaseCommand, ReleaseUsageError } from '../src-server/releases/release-cli';
import { loadServerConfig } from '../src-server/config';
import { AdminInputError } from '../src-server/devices/admin';
import { withTarget } from './admin/admin-target';
import { parseEnrollmentArgs } from './admin/enrollment-args';
import { formatDate, printBankFile, printDevices, printImport, printPending, type Print } from './admin/output';
import { markRestored } from './admin/restored';
import { routesCommand } from './admin/routes-command';
import { UsageError, USAGE } from './admin/usage';

/**
 * `npm run admin -- <command>`: device administration of the central server.
 * With PostgreSQL it opens the database directly. With the embedded PGlite it asks the
 * running server (via `<dataDir>/server/admin.json`), because PGlite allows one process only;
 * when no server runs it opens the PGlite files itself.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the command reads and writes: the process's own in the script, a test's in-process. */
export interface AdminIo {
  /** The arguments after the script's name. */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Where a password comes from (staff): typed at a terminal, or piped. */
  readonly stdin: PasswordInput;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * The whole command; the exit code it ends with: 0 done, 1 refused, 2 a usage mistake,
 * 3 a bank file refused whole. The script passes the process's argv, env and streams.
 */
export async function runAdmin(io: AdminIo): Promise<number> {
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  try {
    return await main(io, out);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ReleaseUsageError || error instanceof StaffUsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function main(io: AdminIo, out: Print): Promise<number> {
  const [command, ...rest] = io.args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return 0;
  }
  const config = loadServerConfig(io.env, { dataDir: path.join(repoRoot, '.data') });
  switch (command) {
    case 'enrollment-code': {
      const input = parseEnrollmentArgs(rest, config);
      await withTarget(config, io.env, async (target) => {
        const { code, expiresAt } = await target.createCode(input);
        out(
          `Código de inscripción para «${input.deviceName}» (${input.mode}${input.scope ? `, alcance ${input.scope}` : ''}):\n`,
        );
        out(`    ${code}\n`);
        out(`Vence el ${formatDate(expiresAt)}. Sirve una sola vez; ingréselo en el dispositivo.`);
      });
      return 0;
    }
    case 'devices': {
      if (rest.length > 0) throw new UsageError(`«devices» no recibe argumentos (recibió: ${rest.join(' ')}).`);
      await withTarget(config, io.env, async (target) => printDevices(await target.devices(), out));
      return 0;
    }
    case 'revoke': {
      const [id, ...extra] = rest;
      if (id === undefined || extra.length > 0)
        throw new UsageError('«revoke» recibe exactamente un id de dispositivo.');
      await withTarget(config, io.env, async (target) => {
        const outcome = await target.revoke(id);
        if (outcome === 'not-found')
          throw new AdminInputError(
            `No existe un dispositivo con id ${id}. Vea la lista con «npm run admin -- devices».`,
          );
        out(
          outcome === 'revoked'
            ? `Dispositivo ${id} revocado: su próxima solicitud será rechazada.`
            : `El dispositivo ${id} ya estaba revocado.`,
        );
      });
      return 0;
    }
    case 'import-events': {
      const [file, ...extra] = rest;
      if (file === undefined || extra.length > 0)
        throw new UsageError('«import-events» recibe exactamente un archivo exportado (.json).');
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new AdminInputError(`No se pudo leer ${file}: ${error instanceof Error ? error.message : String(error)}`);
      });
      await withTarget(config, io.env, async (target) => printImport(await target.importEvents(text), out));
      return 0;
    }
    case 'bank-file': {
      const { json, positionals } = jsonFlag(rest);
      const [sub, file, ...extra] = positionals;
      if (sub !== 'import' || file === undefined || extra.length > 0)
        throw new UsageError('«bank-file» se usa así: bank-file import <archivo> [--json].');
      // latin1: one character per byte, so any file reads whole (Asobancaria files are ASCII).
      const text = await readFile(file, 'latin1').catch((error: unknown) => {
        throw new AdminInputError(`No se pudo leer ${file}: ${error instanceof Error ? error.message : String(error)}`);
      });
      let code = 0;
      await withTarget(config, io.env, async (target) => {
        const summary = await target.importBankFile({ fileName: path.basename(file), text });
        if (json) out(JSON.stringify(summary));
        else printBankFile(summary, out);
        // A refused file is not an error of the command, but a script must be able to tell.
        if (summary.rejected !== null) code = 3;
      });
      return code;
    }
    case 'liquidations': {
      const { json, positionals } = jsonFlag(rest);
      if (!positionals.includes('--pending') || positionals.length !== 1)
        throw new UsageError('«liquidations» se usa así: liquidations --pending [--json].');
      await withTarget(config, io.env, async (target) => {
        const pending = await target.pendingLiquidations();
        if (json) out(JSON.stringify(pending));
        else printPending(pending, out);
      });
      return 0;
    }
    case 'routes': {
      await routesCommand(config, io.env, rest, out);
      return 0;
    }
    case 'staff':
      await staffCommand(config, rest, out, (username) => passwordFrom(io.stdin)(username));
      return 0;
    case 'release':
      await releaseCommand(config, rest, out);
      return 0;
    case 'restored': {
      if (rest.length > 0) throw new UsageError(`«restored» no recibe argumentos (recibió: ${rest.join(' ')}).`);
      await markRestored(config, out);
      return 0;
    }
    default:
      throw new UsageError(`Comando desconocido: «${command}».`);
  }
}

/** `--json` anywhere among a command's arguments; the rest as given. */
function jsonFlag(args: string[]): { json: boolean; positionals: string[] } {
  return { json: args.includes('--json'), positionals: args.filter((a) => a !== '--json') };
}

// The script: the process's arguments, environment and streams. A refusal or a usage mistake ends
// the process at once (as before); otherwise it ends when its work is done, with the code.
if (isEntryPoint()) {
  void runAdmin({
    args: process.argv.slice(2),
    env: process.env,
    // Only `staff` reads it: touched on demand, as before.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  }).then((code) => {
    if (code === 1 || code === 2) process.exit(code);
    process.exitCode = code;
  });
}

/** Run as `tsx scripts/admin.ts`, not imported (a test calls runAdmin in-process). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
