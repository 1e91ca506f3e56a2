import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { describe, expect } from 'vitest';
import { auditLog, outbox } from '../../db/local/schema';
import { DeviceStatus } from '../../src-shared/api/ops/status';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { tapKeysQuickly } from '../support/browser/quick-keys';
import { saveScreenshot } from '../support/browser/screenshots';
import { fastIdle, type TestStack } from '../support/browser/test-stack';
import { IdleDialog } from '../support/browser/pages/idle-dialog';
import { StartPage } from '../support/browser/pages/start-page';
import type { TouchTestPage } from '../support/browser/pages/touch-test-page';

/** What the audit log keeps of a kiosk session's end. */
const SessionEnd = z.object({ reason: z.enum(['idle', 'user']), durationSeconds: z.number() });

const it = kioskTest({ name: 'idle' });

describe('idle timeout: warning with countdown, then a clean start screen', () => {
  const pendingEvents = async (app: TestStack): Promise<number> => {
    const result = await app.stack.core.dispatch('status.get', {});
    if (!result.ok) throw new Error(result.error.message);
    return DeviceStatus.parse(result.value).sync.pendingEvents;
  };

  const sessionEndEvents = (app: TestStack) =>
    app.stack.core.store.db.select().from(outbox).where(eq(outbox.type, 'kiosk.session_ended')).all();

  const sessionEnds = (app: TestStack) =>
    app.stack.core.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'kiosk.session_ended'))
      .orderBy(desc(auditLog.id))
      .all();

  /** Start screen → Acceso de personal → Prueba de pantalla táctil → digits on the keypad. */
  const typeDigitsOnTouchTest = async (start: StartPage, digits: string): Promise<TouchTestPage> => {
    const staff = await start.openStaffAccess();
    await expectKioskScreenUsable(staff.page, 'staff');
    const touch = await staff.openTouchTest();
    await touch.showKeypad();
    await tapKeysQuickly(touch.keypad, [...digits]);
    expect(await touch.codigoInterno.inputValue()).toBe(digits);
    await expectKioskScreenUsable(touch.page, 'touch-test-keypad');
    return touch;
  };

  // The idle timer reads the page's clock (Date.now and setInterval), so each test installs a
  // fake one before the page loads: it runs on its own like the real one, and the test jumps it
  // over the quiet seconds and the countdown instead of waiting them out.

  it('does not interrupt an untouched start screen', async ({ app, page }) => {
    await page.clock.install();
    const start = await StartPage.open(page, app.stack.appUrl);
    // Every tick of the quiet seconds and 1.5 s more: a warning shown at the limit would still
    // be counting down (fastIdle.warningSeconds) here.
    await page.clock.runFor((fastIdle.idleSeconds + 1.5) * 1000);
    await start.waitUntilShown();
    expect(await new IdleDialog(start.page).dialog.count()).toBe(0);
  });

  it('warns with a countdown, then clears what was typed and records the session end', async ({ app, page }) => {
    await page.clock.install();
    const start = await StartPage.open(page, app.stack.appUrl);
    const endsBefore = sessionEnds(app).length;
    const eventsBefore = sessionEndEvents(app).length;
    const touch = await typeDigitsOnTouchTest(start, '4815');
    await saveScreenshot(touch.page, 'idle-1-typed-on-keypad');

    const idle = new IdleDialog(start.page);
    await page.clock.fastForward(fastIdle.idleSeconds * 1000);
    await idle.dialog.waitFor({ timeout: (fastIdle.idleSeconds + 3) * 1000 });
    const first = await idle.secondsLeft();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(fastIdle.warningSeconds);
    await saveScreenshot(start.page, 'idle-2-warning');
    await page.clock.fastForward(1000);
    await expect.poll(() => idle.secondsLeft().catch(() => 0), { timeout: 3_000 }).toBeLessThan(first);

    // At zero: back at the start screen.
    await page.clock.fastForward(fastIdle.warningSeconds * 1000);
    await idle.dialog.waitFor({ state: 'detached', timeout: (fastIdle.warningSeconds + 3) * 1000 });
    await start.waitUntilShown();
    await saveScreenshot(start.page, 'idle-3-back-at-start');

    // The end was recorded: in the audit log, and as an outbox event for the central server.
    await expect.poll(() => sessionEnds(app).length, { timeout: 5_000 }).toBe(endsBefore + 1);
    const latest = SessionEnd.parse(sessionEnds(app)[0]?.details);
    expect(latest.reason).toBe('idle');
    expect(latest.durationSeconds).toBeGreaterThanOrEqual(fastIdle.idleSeconds);
    expect(sessionEndEvents(app).length).toBe(eventsBefore + 1);
    // Until the pusher sends it, the status strip counts it as pending.
    const pending = await pendingEvents(app);
    if (pending > 0) {
      const expected = pending === 1 ? '1 registro pendiente de envío' : `${pending} registros pendientes de envío`;
      await expect.poll(() => start.statusText(), { timeout: 15_000 }).toContain(expected);
      await saveScreenshot(start.page, 'idle-4-pending-in-strip');
    }

    // Nothing typed survives: the touch test starts empty.
    const again = await (await start.openStaffAccess()).openTouchTest();
    await again.showKeypad();
    expect(await again.codigoInterno.inputValue()).toBe('');
  });

  it('keeps the visit when the citizen answers "Sí, continuar"', async ({ app, page }) => {
    await page.clock.install();
    const start = await StartPage.open(page, app.stack.appUrl);
    const endsBefore = sessionEnds(app).length;
    const touch = await typeDigitsOnTouchTest(start, '2024');
    const idle = new IdleDialog(start.page);
    await page.clock.fastForward(fastIdle.idleSeconds * 1000);
    await idle.dialog.waitFor({ timeout: (fastIdle.idleSeconds + 3) * 1000 });
    await idle.keepGoing();
    await idle.dialog.waitFor({ state: 'hidden' });
    expect(await touch.codigoInterno.inputValue()).toBe('2024');
    expect(await touch.heading.innerText()).toBe('Prueba de pantalla táctil');
    await saveScreenshot(start.page, 'idle-5-continued');
    expect(sessionEnds(app).length).toBe(endsBefore);
  });

  it('clears the on-screen keyboard text too, and "Volver al inicio" ends the visit', async ({ app, start }) => {
    const endsBefore = sessionEnds(app).length;
    const staff = await start.openStaffAccess();
    const touch = await staff.openTouchTest();
    await touch.showKeyboard();
    await touch.field('Nombre').tap();
    await tapKeysQuickly(touch.keyboard, ['Mayús', 'P', 'e', 'ñ', 'a', 'Espacio', 'Mayús', 'R', 'í', 'o', 's']);
    expect(await touch.field('Nombre').inputValue()).toBe('Peña Ríos');
    await touch.field('Correo electrónico').tap();
    await tapKeysQuickly(touch.keyboard, ['a', '@', 'b', '.', 'c', 'o']);
    expect(await touch.field('Correo electrónico').inputValue()).toBe('a@b.co');
    await tapKeysQuickly(touch.keyboard, ['Borrar']);
    expect(await touch.field('Correo electrónico').inputValue()).toBe('a@b.c');
    await saveScreenshot(touch.page, 'touch-test-keyboard');
    // An address as Colombians write it: «#» is on the letters, the rest under «#+=».
    await touch.field('Nombre').tap();
    await tapKeysQuickly(touch.keyboard, ['Espacio', '#', 'Espacio', '4', '2', 'Símbolos']);
    await saveScreenshot(touch.page, 'touch-test-keyboard-symbols');
    await tapKeysQuickly(touch.keyboard, ["'", '(', ')', 'Letras', 'a']);
    expect(await touch.field('Nombre').inputValue()).toBe("Peña Ríos # 42'()a");

    await touch.page.getByRole('button', { name: 'Volver al inicio' }).tap();
    await start.waitUntilShown();
    await expect.poll(() => sessionEnds(app).length, { timeout: 5_000 }).toBe(endsBefore + 1);
    expect(SessionEnd.parse(sessionEnds(app)[0]?.details).reason).toBe('user');

    const again = await (await start.openStaffAccess()).openTouchTest();
    await again.showKeyboard();
    expect(await again.field('Nombre').inputValue()).toBe('');
    expect(await again.field('Correo electrónico').inputValue()).toBe('');
  });
});
