import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultScryptParams } from '../../src-node/password-hash';
import { hashStaffSecret, type StaffSecret } from '../../src-node/staff-credentials';

/**
 * The demo accounts' hashes are reproducible: their passwords are the published demo ones and
 * their salts come from the seed. Each is a scrypt run at OWASP parameters (about 0.4 s of
 * CPU), eight per seeded database. When VENTANILLA_DEMO_HASH_CACHE names a folder, a hash made
 * once is kept there and read back by the next seed in any process — the test suite sets it
 * (vitest.config.ts), so its hundreds of seeded databases stop paying for the same scrypt runs.
 * Unset (`npm start`, `npm run seed`), every hash is made fresh. Only the seed calls this:
 * real staff passwords never pass through it.
 */
export async function demoStaffHash(secret: string, salt: Buffer): Promise<StaffSecret> {
  const dir = process.env.VENTANILLA_DEMO_HASH_CACHE;
  if (dir === undefined || dir === '') return hashStaffSecret(secret, { salt });
  const name = createHash('sha256')
    .update(JSON.stringify([secret, salt.toString('base64url'), defaultScryptParams]))
    .digest('hex')
    .slice(0, 32);
  const file = path.join(dir, `${name}.json`);
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as { hash?: unknown; approvalKey?: unknown };
    // A hash of another salt (a damaged or foreign file) is not used.
    if (
      typeof kept.hash === 'string' &&
      typeof kept.approvalKey === 'string' &&
      kept.hash.includes(`$${salt.toString('base64url')}$`)
    )
      return { hash: kept.hash, approvalKey: Buffer.from(kept.approvalKey, 'base64url') };
  } catch {
    // Not made yet, or unreadable: make it.
  }
  const made = await hashStaffSecret(secret, { salt });
  await mkdir(dir, { recursive: true });
  // Written whole under another name, then renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.${Date.now()}`;
  await writeFile(partial, JSON.stringify({ hash: made.hash, approvalKey: made.approvalKey.toString('base64url') }));
  await rename(partial, file);
  return made;
}
