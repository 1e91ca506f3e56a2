import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * How `npm run admin` finds a running embedded server: the server writes its loopback URL and
 * a per-start admin token to `<dataDir>/server/admin.json`, readable by its owner only, and
 * removes it on stop. Whoever can read the file could open the database files anyway.
 */
export const LocalAdminEndpoint = z.object({
  url: z.string(),
  token: z.string(),
  pid: z.number().int(),
});
export type LocalAdminEndpoint = z.infer<typeof LocalAdminEndpoint>;

export function localAdminFilePath(dataDir: string): string {
  return path.join(dataDir, 'server', 'admin.json');
}

export function generateAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Writes the file atomically (temp + rename) and returns the function that removes it. */
export async function writeLocalAdminFile(dataDir: string, endpoint: LocalAdminEndpoint): Promise<() => Promise<void>> {
  const file = localAdminFilePath(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(endpoint), { mode: 0o600 });
  await rename(temp, file);
  return async () => {
    // Only our own file: a newer server may have replaced it after we stopped listening.
    const current = await readLocalAdminFile(dataDir);
    if (current?.token === endpoint.token) await unlink(file).catch(() => undefined);
  };
}

/** Null when no server left a file (or it is unreadable): the caller then opens the database itself. */
export async function readLocalAdminFile(dataDir: string): Promise<LocalAdminEndpoint | null> {
  try {
    const parsed = LocalAdminEndpoint.safeParse(JSON.parse(await readFile(localAdminFilePath(dataDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
