import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { AccessibilityPanel } from '../support/browser/pages/accessibility-panel';
import { BillsQuestionsPage } from '../support/browser/pages/bills-questions-page';
import { IdleDialog } from '../support/browser/pages/idle-dialog';
import type { StaffPage } from '../support/browser/pages/staff-page';
import { StartPage } from '../support/browser/pages/start-page';
import { TicketsPage } from '../support/browser/pages/tickets-page';
import { expectAccessible, expectKioskScreenUsable } from '../support/browser/accessibility';
import { BillFixture, ensureReplica } from '../support/browser/bill-fixture';
import { openValidated } from '../support/browser/bills-visit';
import { kioskTest } from '../support/browser/fixture';
import { expectFitsWidth } from '../support/browser/layout';
import { saveScreenshot } from '../support/browser/screenshots';
import { colombianVoice, speechRecords, spokenNow, stubSpeech, type StubVoice } from '../support/browser/speech-stub';
import type { TestStack } from '../support/browser/test-stack';

/** Long enough that checking and photographing a screen never meets «¿Sigue ahí?»; short enough to wait for once. */
const idle = { idleSeconds: 15, warningSeconds: 8 } as const;

/** The smaller kiosk panel besides 1280×1024 (the test's default). */
const smallKiosk = { width: 1024, height: 768 } as const;

const rootFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const pageText = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).color);

const it = kioskTest({ name: 'a11y', config: { kiosk: idle } });

/** The kiosk's aids: «Accesibilidad» on every screen, high contrast, larger text, spoken guidance. */
describe('kiosk accessibility aids', () => {
  let fixture: BillFixture;

  /** The test's blank kiosk page opened on the app, its speech engine with `voices` (recorded, never played). */
  const openKiosk = async (
    app: TestStack,
    page: Page,
    voices: readonly StubVoice[] = [colombianVoice],
  ): Promise<StartPage> => {
    await stubSpeech(page.context(), voices);
    return StartPage.open(page, app.stack.appUrl);
  };

  /** Tile → código interno → the first question (answers are never sent: no code gets locked). */
  const openFirstQuestion = async (start: StartPage): Promise<BillsQuestionsPage> => {
    const code = fixture.codes("state <> 'pagada'")[0] ?? 0;
    const entry = await start.openBills('Facturación servicios públicos');
    await entry.tapDigits(String(code));
    await entry.continue();
    const questions = new BillsQuestionsPage(start.page);
    await questions.waitForQuestion(1);
    return questions;
  };

  it.beforeAll(async ({ app }) => {
    // «Sincronizar ahora»: the first download need not wait out the puller's sleep for a token.
    await app.stack.core.dispatch('sync.now', {});
    await ensureReplica(app.stack.core.store.sqlite, 50);
    fixture = new BillFixture(app.stack.core.store.sqlite);
  });

  it('opens «Accesibilidad» from every kiosk screen by touch; its panel passes axe and every target is large', async ({
    app,
    page,
  }) => {
    const start = await openKiosk(app, page);
    const panel = new AccessibilityPanel(start.page);
    let staff: StaffPage | undefined;
    const screens: [string, () => Promise<void>][] = [
      ['start', async () => undefined],
      ['staff', async () => void (staff = await start.openStaffAccess())],
      // On from the staff screen, as a technician goes: one staff sign-in for both.
      [
        'touch-test',
        async () => {
          if (staff === undefined) throw new Error('the staff screen comes before its touch test');
          await staff.openTouchTest();
        },
      ],
      ['ticket-create', async () => void (await TicketsPage.openCreate(start))],
      ['bills-code', async () => void (await start.openBills('Historial de pagos'))],
    ];
    for (const [screen, reach] of screens) {
      await reach();
      const box = await panel.button.boundingBox();
      expect(box?.height ?? 0, screen).toBeGreaterThanOrEqual(64);
      expect(box?.width ?? 0, screen).toBeGreaterThanOrEqual(64);
      await panel.open();
      expect(await panel.isOn('Alto contraste'), screen).toBe(false);
      if (screen === 'start') {
        await saveScreenshot(start.page, 'accessibility-panel');
        await expectKioskScreenUsable(start.page, 'accessibility-panel');
      }
      await panel.close();
      await start.page.getByRole('banner').waitFor();
      if (screen !== 'start' && screen !== 'staff') {
        await start.page
          .getByRole('button', { name: /Volver al inicio|Terminar/ })
          .first()
          .tap();
        await start.waitUntilShown();
      }
    }
  });

  it('applies high contrast and larger text at once, keeps them across screens, meets AA contrast and fits 1280×1024 and 1024×768', async ({
    app,
    page,
  }) => {
    const start = await openKiosk(app, page);
    const panel = new AccessibilityPanel(page);
    const normalFont = await rootFontPx(page);
    const normalBackground = await pageBackground(page);

    await panel.open();
    await panel.toggle('Alto contraste');
    // At once, with the panel still open: light text on black (by the next frame: Chromium's
    // computed style of <html> may lag a frame behind the attribute that switches the tokens).
    await expect.poll(() => pageBackground(page), { timeout: 2_000 }).toBe('rgb(0, 0, 0)');
    expect(await pageText(page)).toBe('rgb(255, 255, 255)');
    await panel.toggle('Letra más grande');
    await expect.poll(() => rootFontPx(page), { timeout: 2_000 }).toBeCloseTo(normalFont * 1.25, 1);
    await saveScreenshot(page, 'accessibility-panel-high-contrast-large');
    await expectKioskScreenUsable(page, 'accessibility-panel-high-contrast-large');
    await panel.close();

    const check = async (screen: string) => {
      // The keyboard sits at the foot of its screen: the picture shows it, as a citizen scrolls to it.
      if (screen.startsWith('keyboard'))
        await page
          .locator('.kiosk-app__content')
          .evaluate((content) => content.scrollTo({ top: content.scrollHeight }));
      await expect.poll(() => pageBackground(page), { timeout: 2_000 }).toBe('rgb(0, 0, 0)');
      expect(await rootFontPx(page), screen).toBeCloseTo(normalFont * 1.25, 1);
      await saveScreenshot(page, `accessibility-${screen}`);
      await expectKioskScreenUsable(page, `accessibility-${screen}`);
      await expectFitsWidth(page, screen);
    };
    /** «Terminar» or «Volver al inicio» ends the visit, and the aids with it; two touches bring them back. */
    const endVisitAndSwitchBackOn = async (button: 'Terminar' | 'Volver al inicio') => {
      const largeFont = await rootFontPx(page);
      await page.getByRole('button', { name: button, exact: true }).tap();
      await start.waitUntilShown();
      await expect.poll(() => rootFontPx(page), { timeout: 2_000 }).toBeCloseTo(largeFont / 1.25, 1);
      await expect.poll(() => pageBackground(page), { timeout: 2_000 }).toBe(normalBackground);
      await panel.open();
      await panel.toggle('Alto contraste');
      await panel.toggle('Letra más grande');
      await panel.close();
    };
    /** The citizen's screens at `size`: start, a question, a bill and «Regístrese aquí». */
    const citizenScreens = async (size: string, billCode: number) => {
      await check(`start-${size}`);
      await openFirstQuestion(start);
      await check(`question-${size}`);
      await endVisitAndSwitchBackOn('Terminar');
      await openValidated(start, fixture, billCode, 'Facturación servicios públicos');
      await check(`bill-${size}`);
      // The bill's lines and chart, further down, as the citizen scrolls to them.
      await page
        .locator('.kiosk-app__content')
        .evaluate((content) => content.scrollBy({ top: content.clientHeight * 0.8 }));
      await saveScreenshot(page, `accessibility-bill-lines-${size}`);
      await endVisitAndSwitchBackOn('Terminar');
      await start.tile('Regístrese aquí').tap();
      await page.getByRole('heading', { name: 'Regístrese aquí' }).waitFor();
      await check(`register-${size}`);
      await endVisitAndSwitchBackOn('Terminar');
    };
    const codes = fixture.codes("state <> 'pagada'");
    await citizenScreens('1280x1024', codes[1] ?? 0);
    // The on-screen keyboard at both sizes on one staff sign-in: the panel is resized under it.
    const touch = await (await start.openStaffAccess()).openTouchTest();
    await touch.showKeyboard();
    await check('keyboard-1280x1024');
    await touch.tapKeys(['Símbolos']);
    await check('keyboard-symbols-1280x1024');
    await touch.tapKeys(['Letras']);
    await page.setViewportSize(smallKiosk);
    await check('keyboard-1024x768');
    await touch.tapKeys(['Símbolos']);
    await check('keyboard-symbols-1024x768');
    await endVisitAndSwitchBackOn('Volver al inicio');
    await citizenScreens('1024x768', codes[2] ?? 0);
  });

  it('reads the screen title on arrival, the question with its options, and again with «Repetir»; nothing while it is off', async ({
    app,
    page,
  }) => {
    const voices: StubVoice[] = [
      { name: 'English (America)', lang: 'en-US', localService: true },
      { name: 'Español (España)', lang: 'es-ES', localService: true },
      colombianVoice,
    ];
    const start = await openKiosk(app, page, voices);
    // Off: moving between screens says nothing.
    await (await start.openStaffAccess()).page.getByRole('button', { name: 'Volver al inicio' }).tap();
    await start.waitUntilShown();
    expect(await speechRecords(page)).toEqual([]);

    const panel = new AccessibilityPanel(page);
    await panel.open();
    await panel.toggle('Guía hablada');
    expect(await spokenNow(page)).toEqual(['Guía hablada activada.']);
    await panel.close();

    const questions = await openFirstQuestion(start);
    const prompt = await questions.prompt();
    const options = await questions.optionLabels();
    expect(options.length).toBeGreaterThan(1);
    const expected = ['Pregunta 1 de 3', prompt, ...options.map((option, i) => `Opción ${i + 1}: ${option}.`)];
    await expect.poll(() => spokenNow(page)).toEqual(expected);
    // The code screen's title was read on the way; each in the Colombian voice.
    const spoken = (await speechRecords(page)).flatMap((record) => (record.kind === 'speak' ? [record] : []));
    expect(spoken.map((record) => record.text)).toContain('Digite su código interno');
    expect(new Set(spoken.map((record) => `${record.voice}|${record.lang}`))).toEqual(
      new Set([`${colombianVoice.name}|es-CO`]),
    );
    await saveScreenshot(page, 'accessibility-spoken-question');
    await expectKioskScreenUsable(page, 'accessibility-spoken-question');

    const before = (await speechRecords(page)).length;
    await page.getByRole('button', { name: 'Repetir', exact: true }).tap();
    await expect.poll(async () => (await speechRecords(page)).length).toBe(before + 1 + expected.length);
    expect(await spokenNow(page)).toEqual(expected);

    await questions.choose(options[0] ?? '');
    await questions.next();
    await questions.waitForQuestion(2);
    await expect.poll(async () => (await spokenNow(page))[0]).toBe('Pregunta 2 de 3');
    expect(await spokenNow(page)).toContain(await questions.prompt());

    // Off again: silence at once, and the next screen is not read.
    await panel.open();
    await panel.toggle('Guía hablada');
    await panel.close();
    const silenced = await speechRecords(page);
    expect(silenced.at(-1)).toEqual({ kind: 'cancel' });
    expect(await page.getByRole('button', { name: 'Repetir', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Pregunta anterior' }).tap();
    await questions.waitForQuestion(1);
    expect((await speechRecords(page)).filter((record) => record.kind === 'speak').length).toBe(
      silenced.filter((record) => record.kind === 'speak').length,
    );
  });

  it('says plainly when the machine has no Spanish voice, and does not offer the guidance', async ({ app, page }) => {
    // The kiosk gives the browser 2.5 s to list its voices before it says there is none
    // (useVoiceAvailability.ts): the page's clock jumps over them instead of the test waiting.
    await page.clock.install();
    const start = await openKiosk(app, page, [{ name: 'English (America)', lang: 'en-US', localService: true }]);
    const panel = new AccessibilityPanel(start.page);
    await panel.open();
    await page.clock.fastForward(2_500);
    const message = panel.dialog.getByRole('status').filter({ hasText: 'no tiene una voz en español' });
    await message.waitFor({ timeout: 10_000 });
    expect(await message.innerText()).toContain('la guía hablada no se puede escuchar aquí');
    expect(await panel.aid('Guía hablada').isDisabled()).toBe(true);
    // The other aids still work.
    await panel.toggle('Letra más grande');
    await saveScreenshot(start.page, 'accessibility-panel-no-voice');
    await expectKioskScreenUsable(start.page, 'accessibility-panel-no-voice');
    await panel.close();
    expect((await speechRecords(start.page)).filter((record) => record.kind === 'speak')).toEqual([]);
  });

  it('ends the aids with the visit when the idle timeout clears it', async ({ app, page }) => {
    // The page's clock, which the idle timer reads, jumps over the quiet minutes instead of the
    // test waiting them out (the real-time timer is idle-timeout.e2e.test.ts's); the limits stay
    // long enough that checking the dialog never meets its end.
    await page.clock.install();
    await openKiosk(app, page);
    const normalFont = await rootFontPx(page);
    const panel = new AccessibilityPanel(page);
    await panel.open();
    await panel.toggle('Alto contraste');
    await panel.toggle('Letra más grande');
    await panel.toggle('Guía hablada');
    await panel.close();
    // The aids alone are a visit in progress: even the start screen warns before clearing them.
    const dialog = new IdleDialog(page);
    expect(await dialog.dialog.count()).toBe(0);
    await page.clock.fastForward(idle.idleSeconds * 1000);
    await dialog.dialog.waitFor({ timeout: 5_000 });
    await saveScreenshot(page, 'accessibility-idle-warning');
    // The modal dialog is all axe (like a screen reader) reaches now.
    await expectAccessible(page, 'idle-dialog');
    await page.clock.fastForward(idle.warningSeconds * 1000);
    await dialog.dialog.waitFor({ state: 'detached', timeout: 5_000 });

    await expect.poll(() => pageBackground(page)).not.toBe('rgb(0, 0, 0)');
    expect(await rootFontPx(page)).toBeCloseTo(normalFont, 1);
    expect((await speechRecords(page)).at(-1)).toEqual({ kind: 'cancel' });
    await panel.open();
    for (const aid of ['Alto contraste', 'Letra más grande', 'Guía hablada'] as const)
      expect(await panel.isOn(aid), aid).toBe(false);
    await saveScreenshot(page, 'accessibility-after-timeout');
  });
});
