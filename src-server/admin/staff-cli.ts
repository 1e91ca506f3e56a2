import { parseArgs } from 'node:util';
import pino from 'pino';
import type { ServerConfig } from '../config';
import { migrateServerDatabase } from '../db/migrate';
import { openServerDatabase, type ServerDatabase } from '../db/open';
import { AdminInputError } from '../devices/admin';
import { createServerLogger } from '../logger';
import { isServerAnswering } from './admin-client';
import { readLocalAdminFile } from './local-admin-file';
import {
  addStaffMember,
  listStaff,
  newStaffPin,
  minPasswordLength,
  parseStaffRole,
  parseStaffUsername,
  passwordProblem,
  setStaffActive,
  setStaffPassword,
  staffRoles,
  type StaffListing,
} from './staff-admin';

/**
 * `npm run admin -- staff …`: staff accounts (src-server/admin/staff-admin.ts). A password is
 * never taken from the command line (it would stay in the shell's history and in `ps`): it is
 * typed twice at a prompt that does not echo, or read from standard input when that is not a
 * terminal (first line; a second line, when given, must repeat it).
 */

export const staffUsage = `  npm run admin -- staff add <usuario> --role <rol> --name "NOMBRE COMPLETO" [--pin]
  npm run admin -- staff set-password <usuario>
  npm run admin -- staff new-pin <usuario>
  npm run admin -- staff deactivate <usuario>
  npm run admin -- staff activate <usuario>
  npm run admin -- staff list`;

export const staffHelp = `staff: las cuentas del personal (roles: ${staffRoles.join(', ')}). La contraseña se escribe dos veces sin
  que se vea (o llega por la entrada estándar, para un script: primera línea, y la segunda, si la hay, debe
  repetirla); nunca como argumento. Al menos ${minPasswordLength} caracteres, sin el usuario, ninguna de las de demostración.
  --pin: genera un PIN de 6 dígitos para cajero o supervisor (se muestra una sola vez); new-pin genera otro
  (el anterior deja de servir en cada caja en su próxima sincronización).
  set-password cambia también la llave con que la persona firma sus aprobaciones. Cada cambio llega a las
  cajas y portátiles en su próxima sincronización; deactivate impide el ingreso en la consola y en los equipos.
  Con la base embebida (PGlite) el servidor central debe estar detenido.
`;

export class StaffUsageError extends Error {
  override readonly name = 'StaffUsageError';
}

/** Where the password comes from; tests and the CLI pass the real one. */
export type ReadPassword = (username: string) => Promise<string>;

/** Standard input: the process's (a terminal or a pipe), or a test's stream. */
export type PasswordInput = NodeJS.ReadableStream & { readonly isTTY?: boolean };

/** The password typed twice at `stdin` when it is a terminal, else its first line (and second). */
export function passwordFrom(stdin: PasswordInput): ReadPassword {
  return (username) => readPasswordTwice(username, stdin);
}

const by = 'admin-cli';

export async function staffCommand(
  config: ServerConfig,
  args: string[],
  print: (line: string) => void,
  readPassword: ReadPassword = (username) => readPasswordTwice(username, process.stdin),
): Promise<void> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add': {
      const { values, positionals } = parseStaffOptions(rest);
      const [typed, ...extra] = positionals;
      if (typed === undefined || extra.length > 0)
        throw new StaffUsageError('«staff add» recibe un usuario. ¿Faltan comillas en --name?');
      if (values.name === undefined || values.name.trim() === '')
        throw new StaffUsageError('Falta --name "NOMBRE COMPLETO".');
      const username = parseStaffUsername(typed);
      const role = parseStaffRole(values.role);
      // Refused before the password is asked for: the person does not type it twice for nothing.
      if (values.pin === true && role !== 'cajero' && role !== 'supervisor')
        throw new AdminInputError('El PIN es solo para los roles cajero y supervisor.');
      await withStaffDatabase(config, async (database) => {
        const taken = (await listStaff(database.exec)).find((m) => m.username.toLowerCase() === username);
        if (taken !== undefined)
          throw new AdminInputError(
            `Ya existe el usuario «${taken.username}»: el ingreso no distingue mayúsculas de minúsculas. Elija otro nombre de usuario.`,
          );
        const password = await readPassword(username);
        const added = await addStaffMember(
          database,
          { username, fullName: values.name ?? '', role, password, withPin: values.pin === true },
          { by },
        );
        print(`Usuario «${added.username}» creado (${role}). Los equipos lo reciben en su próxima sincronización.`);
        if (added.pin !== null)
          print(`PIN para la caja: ${added.pin}\nEntrégueselo a la persona; no se vuelve a mostrar.`);
      });
      return;
    }
    case 'set-password': {
      const typed = single(rest, '«staff set-password» recibe exactamente un usuario.');
      await withStaffDatabase(config, async (database) => {
        // The account must exist before the password is typed.
        const username = await existing(database, typed);
        const password = await readPassword(username);
        await setStaffPassword(database, username, password, { by });
        print(
          `Contraseña de «${username}» cambiada: la anterior ya no sirve en la consola, y en cajas y portátiles deja de servir en su próxima sincronización.`,
        );
      });
      return;
    }
    case 'new-pin': {
      const typed = single(rest, '«staff new-pin» recibe exactamente un usuario.');
      await withStaffDatabase(config, async (database) => {
        const made = await newStaffPin(database, typed, { by });
        print(
          `PIN nuevo de «${made.username}» para la caja: ${made.pin}\nEntrégueselo a la persona; no se vuelve a mostrar. El anterior deja de servir en cada caja en su próxima sincronización.`,
        );
      });
      return;
    }
    case 'deactivate':
    case 'activate': {
      const typed = single(rest, `«staff ${sub}» recibe exactamente un usuario.`);
      const active = sub === 'activate';
      await withStaffDatabase(config, async (database) => {
        const outcome = await setStaffActive(database, typed, active, { by });
        if (!outcome.changed) print(`El usuario «${outcome.username}» ya estaba ${active ? 'activo' : 'inactivo'}.`);
        else if (active) print(`Usuario «${outcome.username}» activo de nuevo.`);
        else
          print(
            `Usuario «${outcome.username}» desactivado: no puede ingresar a la consola, y en cajas y portátiles desde su próxima sincronización.`,
          );
      });
      return;
    }
    case 'list': {
      if (rest.length > 0) throw new StaffUsageError('«staff list» no recibe argumentos.');
      await withStaffDatabase(config, async (database) => printStaff(await listStaff(database.exec), print));
      return;
    }
    default:
      throw new StaffUsageError(
        sub === undefined ? 'Falta el subcomando de «staff».' : `Subcomando desconocido: «staff ${sub}».`,
      );
  }
}

function single(args: string[], message: string): string {
  const [only, ...extra] = args;
  if (only === undefined || extra.length > 0) throw new StaffUsageError(message);
  return only;
}

async function existing(database: ServerDatabase, typed: string): Promise<string> {
  const wanted = typed.trim().toLowerCase();
  const found = (await listStaff(database.exec)).find((m) => m.username.toLowerCase() === wanted);
  if (found === undefined)
    throw new AdminInputError(`No existe el usuario «${typed}». Vea la lista con «npm run admin -- staff list».`);
  return found.username;
}

function parseStaffOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { role: { type: 'string' }, name: { type: 'string' }, pin: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const option = /'(-[^' ]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new StaffUsageError(`Falta el valor de la opción ${option}.`);
    throw new StaffUsageError(`Opción desconocida: ${option || String(error)}.`);
  }
}

/** With PostgreSQL while servers run; with PGlite only when the central server is stopped (one process). */
async function withStaffDatabase(config: ServerConfig, fn: (database: ServerDatabase) => Promise<void>): Promise<void> {
  if (config.databaseUrl === null) {
    const endpoint = await readLocalAdminFile(config.dataDir);
    if (endpoint !== null && (await isServerAnswering(endpoint))) {
      throw new AdminInputError(
        'El servidor central está en marcha con su base de datos embebida (PGlite), que admite un solo proceso: ' +
          'deténgalo para cambiar cuentas del personal, o use PostgreSQL (DATABASE_URL).',
      );
    }
  }
  // Logs go to stderr at warn: stdout is for the person reading the answer.
  const database = await openServerDatabase(config, { logger: createServerLogger('warn', pino.destination(2)) });
  try {
    await migrateServerDatabase(database.exec);
    await fn(database);
  } finally {
    await database.close();
  }
}

function printStaff(members: StaffListing[], print: (line: string) => void): void {
  if (members.length === 0) {
    print('No hay cuentas del personal. Cree una con «npm run admin -- staff add …».');
    return;
  }
  const rows = members.map((m) => [
    m.username,
    m.fullName,
    m.role,
    m.hasPin ? 'sí' : 'no',
    m.active ? 'activo' : 'inactivo',
    m.createdAt.toISOString().slice(0, 10),
  ]);
  const header = ['USUARIO', 'NOMBRE', 'ROL', 'PIN', 'ESTADO', 'CREADO'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows])
    print(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}

/**
 * The new password: at a terminal, typed twice without echo; otherwise standard input's first
 * line (and its second, when present, must be the same). Refused here, before any work, when
 * the two differ or the policy says no.
 */
async function readPasswordTwice(username: string, stdin: PasswordInput): Promise<string> {
  let first: string;
  let second: string | undefined;
  if (stdin.isTTY === true) {
    first = await promptHidden(`Contraseña nueva para «${username}»: `);
    const early = passwordProblem(first, username);
    if (early !== null) throw new AdminInputError(`${early} No se cambió nada.`);
    second = await promptHidden('Repítala: ');
  } else {
    const lines = (await readAll(stdin)).split(/\r?\n/);
    first = lines[0] ?? '';
    second = lines[1] === undefined || lines[1] === '' ? undefined : lines[1];
  }
  if (first === '') throw new AdminInputError('No se recibió ninguna contraseña. No se cambió nada.');
  if (second !== undefined && second !== first)
    throw new AdminInputError('Las dos contraseñas no coinciden. No se cambió nada.');
  const problem = passwordProblem(first, username);
  if (problem !== null) throw new AdminInputError(`${problem} No se cambió nada.`);
  return first;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** What followed the Enter of the last prompt in the same chunk (a pasted pair): the next prompt's input. */
let typedAhead = '';

/** One line from the terminal in raw mode, echoing nothing; Ctrl+C or Ctrl+D abandons. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    let done = false;
    const finish = (error: Error | null): void => {
      done = true;
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error === null) resolve(typed);
      else reject(error);
    };
    const take = (text: string): void => {
      const chars = [...text];
      for (let i = 0; i < chars.length && !done; i++) {
        const char = chars[i] ?? '';
        if (char === '\r' || char === '\n') {
          // A «\r\n» pair is one Enter.
          const rest = chars.slice(char === '\r' && chars[i + 1] === '\n' ? i + 2 : i + 1);
          typedAhead = rest.join('');
          finish(null);
        } else if (char === '\u0003' || char === '\u0004') {
          typedAhead = '';
          finish(new AdminInputError('Cancelado: no se cambió nada.'));
        } else if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    const onData = (chunk: Buffer): void => take(chunk.toString('utf8'));
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
    const ahead = typedAhead;
    typedAhead = '';
    take(ahead);
  });
}
