import svgCaptcha from 'svg-captcha';
import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { CaptchaValue } from '../../src-shared/server-api/accounts-api';
import type { SqlExecutor } from '../db/sql-executor';
import type { AccountsContext } from './accounts-context';
import { waitInWords } from './login-throttle';
import { captchasPerDevice, quotaKey, takeQuota } from './quotas';
import { randomText } from './random-text';

/**
 * The image of «Recuperar contraseña» (guide 000 §2): svg-captcha draws the text as distorted
 * SVG paths with noise lines (no text node a script could read). The text is ours, from
 * `crypto.randomInt` (the library's own picker uses Math.random), without characters a
 * citizen confuses (0/O, 1/I/l). A challenge lives five minutes and is good for one try,
 * right or wrong; answers compare without regard to case. A kiosk gets at most 30 images in
 * ten minutes: each one is a row, and drawing them costs the server.
 */
const alphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ23456789';
const length = 5;
export const captchaTtlMs = 5 * 60_000;

type DrawCaptcha = (text: string, options: Record<string, unknown>) => string;
// The package's default export draws a given text; its typings only declare the random form.
const draw = svgCaptcha as unknown as DrawCaptcha;

export const randomCaptchaText = (): string => randomText(alphabet, length);

/** GET /v1/accounts/captcha for `deviceId`: a new image, or `locked` past the device's quota. */
export async function issueCaptcha(ctx: AccountsContext, deviceId: string): Promise<Result<CaptchaValue>> {
  const now = ctx.now();
  const quota = await takeQuota(ctx.database.exec, quotaKey(captchasPerDevice, deviceId), captchasPerDevice, now);
  if (!quota.granted)
    return err(
      'locked',
      `Se pidieron muchas imágenes desde este equipo. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
    );
  return ok(await newCaptcha(ctx.database.exec, (ctx.captchaText ?? randomCaptchaText)(), now));
}

export async function newCaptcha(exec: SqlExecutor, text: string, now: Date): Promise<CaptchaValue> {
  const captchaId = uuidv7();
  await exec.query('INSERT INTO captcha_challenges (id, answer, expires_at) VALUES ($1, $2, $3)', [
    captchaId,
    text.toUpperCase(),
    new Date(now.getTime() + captchaTtlMs).toISOString(),
  ]);
  // Expired challenges go as new ones come: the table stays the size of five minutes of use.
  await exec.query('DELETE FROM captcha_challenges WHERE expires_at < $1', [now.toISOString()]);
  const svg = draw(text, { width: 300, height: 100, fontSize: 80, noise: 3, color: false, background: '#f4f1ea' });
  return { captchaId, svg };
}

/** Spends the challenge and says whether `typed` was its text. */
export async function solveCaptcha(exec: SqlExecutor, captchaId: string, typed: string, now: Date): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(captchaId)) return false;
  const { rows } = await exec.query<{ answer: string }>(
    'DELETE FROM captcha_challenges WHERE id = $1 AND expires_at > $2 RETURNING answer',
    [captchaId, now.toISOString()],
  );
  const answer = rows[0]?.answer;
  return answer !== undefined && answer === typed.replace(/\s/g, '').toUpperCase();
}
