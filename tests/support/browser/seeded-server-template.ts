import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedServer } from '../../../scripts/stack';
import { loadConfig } from '../../../src-main/config/app-config';
import { createRootLogger } from '../../../src-main/logger';
import { demoStaffAccounts } from '../../../db/seed/staff';
import { hashStaffSecret } from '../../../src-node/staff-credentials';
import { pgliteDataDir } from '../../../src-server/config';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { cheapScrypt } from '../staff-console';

/**
 * The embedded central server's PGlite as `npm start` leaves it after its first start (migrated,
 * demo data loaded), built once and copied into each browser test's data dir. Every stack used to
 * run initdb, 24 migrations and the demo load itself: 15–35 s of a two-core machine per file, most
 * of a short file's time. With the copy the server starts as on any later day: its migration check
 * finds nothing pending and the demo load sees the data complete. Nothing of a device is in it (no
 * device is enrolled while it is built): each stack still enrolls its own.
 * One difference: the demo staff's hashes are made at scrypt's lowest accepted cost (cheapenDemoStaff).
 *
 * The demo data are dated from the moment they are loaded (bills by the day in Bogotá, tickets
 * and wallet movements before "now"), so a template serves only within the UTC hour it was built
 * in (Bogotá's midnight is 05:00 UTC, an hour boundary: one template never spans two Bogotá days);
 * it is also named by a hash of everything that shapes it (`sourceKey`). Kept under
 * node_modules/.cache for the next file of the run; others are removed once a few minutes old.
 * Built without locks, as migrated-templates.ts: two workers that race both build, one rename wins.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cacheRoot = path.join(repoRoot, 'node_modules', '.cache', 'ventanilla-tests');
const PREFIX = 'pglite-seeded-';

/**
 * What the server's first start writes depends on: the migrations, the demo data's code with
 * everything it imports (followed through relative imports), the server's start-up and the
 * stack's call of the demo load.
 * Narrower than "all of src-server" on purpose: other code runs again on every start anyway.
 */
const roots = ['db/seed/index.ts', 'src-server/db/migrate.ts', 'src-server/db/open.ts'];
const wholeDirs = ['db/server/migrations'];
const plainFiles = ['scripts/stack.ts', 'src-server/index.ts', 'tests/support/browser/seeded-server-template.ts'];

let key: string | undefined;
const templates = new Map<string, Promise<string>>();

/** `file` and every file it reaches by relative `import`/`export … from`. */
function importClosure(file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = path.resolve(path.dirname(file), match[1] ?? '');
    const candidates = [target, `${target}.ts`, path.join(target, 'index.ts'), target.replace(/\.js$/, '.ts')];
    const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (found !== undefined) importClosure(found, seen);
  }
}

function sourceKey(): string {
  if (key !== undefined) return key;
  const files = new Set<string>();
  for (const root of roots) importClosure(path.join(repoRoot, root), files);
  for (const dir of wholeDirs) {
    for (const entry of readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.add(path.join(entry.parentPath, entry.name));
    }
  }
  for (const file of plainFiles) files.add(path.join(repoRoot, file));
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(`${path.relative(repoRoot, file)}\n`).update(readFileSync(file));
  const pglitePackage = path.join(repoRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  hash.update((JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string }).version);
  key = hash.digest('hex').slice(0, 16);
  return key;
}

/** `2026-12-05T03`: the UTC hour a template was built in, the only one it serves. */
function hourOf(date: Date): string {
  return date.toISOString().slice(0, 13);
}

/**
 * A PGlite data dir of the embedded server after its first start with `demoSubscribers` demo
 * subscribers; copy it to `pgliteDataDir(dataDir)`, never open it in place.
 */
export function seededPgliteTemplate(demoSubscribers: number): Promise<string> {
  const hour = hourOf(new Date());
  const name = `${PREFIX}${sourceKey()}-${demoSubscribers}-${hour}`;
  let template = templates.get(name);
  if (template === undefined) {
    template = buildTemplate(name, demoSubscribers);
    templates.set(name, template);
  }
  return template;
}

async function buildTemplate(name: string, demoSubscribers: number): Promise<string> {
  const finalDir = path.join(cacheRoot, name);
  if (existsSync(path.join(finalDir, 'PG_VERSION'))) return finalDir;
  mkdirSync(cacheRoot, { recursive: true });
  const work = path.join(cacheRoot, `building-seeded-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(work, { recursive: true });
    writeFileSync(
      path.join(work, 'ventanilla.json'),
      JSON.stringify({ server: { embeddedPort: 0, demoSubscribers } }, null, 2),
    );
    const config = loadConfig(
      { VENTANILLA_DATA_DIR: work, VENTANILLA_PORT: '0', LOG_LEVEL: 'warn' },
      { dataDir: work, version: '0.0.0-test' },
    );
    // The first start as the stack runs it: migrations, then the demo load.
    const server = await startEmbeddedServer(config, createRootLogger(config.logLevel));
    try {
      await cheapenDemoStaff(server.running().database.exec);
    } finally {
      await server.stop();
    }
    try {
      renameSync(pgliteDataDir(work), finalDir);
    } catch (error) {
      // Another worker finished first: its copy is as good as ours.
      if (!existsSync(path.join(finalDir, 'PG_VERSION'))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // Templates of another hour or other code are stale. One a few minutes old is left: a file of
  // another worker may be copying it right now (a copy takes well under a second).
  for (const entry of readdirSync(cacheRoot)) {
    const full = path.join(cacheRoot, entry);
    if (!entry.startsWith(PREFIX) || entry === name) continue;
    const built = statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - built > 5 * 60_000) rmSync(full, { recursive: true, force: true });
  }
  return finalDir;
}

/**
 * The demo staff's passwords and PINs hashed again at scrypt's lowest accepted cost (the
 * console tests' `cheapScrypt`; the seeded wallet claves are made at it too). The seed hashes
 * them at OWASP's parameters, which `npm start` keeps; in this template, which only browser
 * tests open, every staff sign-in, wrong password and PIN of a test paid for it: 1.7 s of CPU
 * each on a loaded two-core machine, against 0.27 s. Verification reads the parameters from
 * the hash, and devices get the new rows through the feed as any staff change, so the flows
 * are the same; the approval key comes from the same scrypt run, so it is replaced with it.
 */
async function cheapenDemoStaff(exec: SqlExecutor): Promise<void> {
  const secrets = await Promise.all(
    demoStaffAccounts.map(async (account) => ({
      username: account.username,
      password: await hashStaffSecret(account.password, { params: cheapScrypt }),
      pin: account.pin === undefined ? null : await hashStaffSecret(account.pin, { params: cheapScrypt }),
    })),
  );
  const { rows } = await exec.query<{ id: string; username: string }>(
    `UPDATE staff_users AS s SET password_hash = n.password_hash, pin_hash = n.pin_hash
     FROM unnest($1::text[], $2::text[], $3::text[]) AS n(username, password_hash, pin_hash)
     WHERE s.username = n.username RETURNING s.id, s.username`,
    [secrets.map((s) => s.username), secrets.map((s) => s.password.hash), secrets.map((s) => s.pin?.hash ?? null)],
  );
  if (rows.length !== secrets.length) throw new Error(`the template has ${rows.length} of the demo staff accounts`);
  const idOf = new Map(rows.map((row) => [row.username, row.id]));
  await exec.query(
    `UPDATE staff_approval_keys AS k SET approval_key = n.approval_key, updated_at = now()
     FROM unnest($1::uuid[], $2::text[]) AS n(staff_id, approval_key) WHERE k.staff_id = n.staff_id`,
    [secrets.map((s) => idOf.get(s.username)), secrets.map((s) => s.password.approvalKey.toString('base64url'))],
  );
}
