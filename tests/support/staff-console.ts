import { v7 as uuidv7 } from 'uuid';
import { demoStaffAccounts } from '../../db/seed';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { hashStaffSecret } from '../../src-node/staff-credentials';

/**
 * The demo staff accounts (db/seed/staff.ts: cajero1, supervisor1, soporte1, admin…, with their
 * published passwords) inserted into a test server's staff_users, hashed as the seed hashes them
 * but at scrypt's lowest accepted cost, so a test of the console's login is not minutes of CPU.
 * The console verifies whatever parameters a hash carries. Each gets its approval key too.
 */
export const cheapScrypt = { log2N: 14, r: 8, p: 1 } as const;

export async function seedConsoleStaff(exec: SqlExecutor): Promise<void> {
  for (const account of demoStaffAccounts) {
    const { hash, approvalKey } = await hashStaffSecret(account.password, { params: cheapScrypt });
    const id = uuidv7();
    await exec.query(
      `INSERT INTO staff_users (id, username, full_name, role, password_hash, active) VALUES ($1, $2, $3, $4, $5, true)`,
      [id, account.username, account.fullName, account.role, hash],
    );
    // As the seed and the console keep it: what the server signs a kiosk's diagnostic permission with.
    await exec.query('INSERT INTO staff_approval_keys (staff_id, approval_key) VALUES ($1, $2)', [
      id,
      approvalKey.toString('base64url'),
    ]);
  }
}

export const staffPassword = (username: string): string => {
  const account = demoStaffAccounts.find((a) => a.username === username);
  if (account === undefined) throw new Error(`fixture: no demo staff account ${username}`);
  return account.password;
};

/** One browser's worth of the console over HTTP: its cookies, and the forms' CSRF tokens read from the pages. */
export class ConsoleClient {
  /** The last Set-Cookie lines, as sent (the flags tests check). */
  lastSetCookies: string[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same browser (its cookies) sent to another address: another instance behind a balancer. */
  on(baseUrl: string): ConsoleClient {
    return new ConsoleClient(baseUrl, this.cookies);
  }

  /** The value of a console cookie the browser holds (plain HTTP names), if any. */
  cookie(name: 'ventanilla-consola' | 'ventanilla-consola-ingreso'): string | undefined {
    return this.cookies.get(name);
  }

  async get(path: string): Promise<ConsoleAnswer> {
    return this.send(path, { method: 'GET' });
  }

  /** A urlencoded form post, as a browser sends it from one of our pages. */
  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<ConsoleAnswer> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async postMultipart(path: string, form: FormData): Promise<ConsoleAnswer> {
    return this.send(path, { method: 'POST', body: form });
  }

  /** Opens «Ingresar», posts the form with its token; the answer to the POST. */
  async login(username: string, password: string): Promise<ConsoleAnswer> {
    const page = await this.get('/consola/ingresar');
    return this.post('/consola/ingresar', { csrf: csrfOf(page.text), usuario: username, contrasena: password });
  }

  /** The session's CSRF token, read from any page of the console (the «Salir» form carries it). */
  async csrf(): Promise<string> {
    return csrfOf((await this.get('/consola/prepagos')).text);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private async send(path: string, init: RequestInit): Promise<ConsoleAnswer> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: response.status,
      headers: response.headers,
      location: response.headers.get('location'),
      text: await response.text(),
    };
  }
}

export interface ConsoleAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly location: string | null;
  readonly text: string;
}

export function csrfOf(page: string): string {
  const match = /name="csrf"\s+value="([^"]+)"/.exec(page);
  if (match?.[1] === undefined) throw new Error(`no CSRF token on the page:\n${page.slice(0, 500)}`);
  return match[1];
}
