import { entitySettingKey, parseEntitySetting, type EntitySetting } from '../../src-shared/domain/entity-setting';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * The entity's name, NIT and contact lines for a mail's header and footer, from the server's
 * `settings` row. A server without the row (or with one an older admin tool wrote wrongly)
 * still sends mail, with neutral wording: a citizen waiting for a password must not be
 * blocked by branding.
 */
export async function readEntitySetting(exec: SqlExecutor): Promise<EntitySetting | null> {
  const { rows } = await exec.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [
    entitySettingKey,
  ]);
  const row = rows[0];
  if (row === undefined) return null;
  const parsed = parseEntitySetting(row.value);
  return parsed.ok ? parsed.value : null;
}
