import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { BillFixture, ensureReplica } from '../support/browser/bill-fixture';
import { openValidated } from '../support/browser/bills-visit';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';

/**
 * A print whose answer was lost (issue 11, item 6): the kiosk never prints it again by itself;
 * it asks the citizen to look at the tray. The print system stands in for one whose `lp`
 * answers something nobody understands while a marker file exists (first on PATH while this
 * file runs, and PATH put back after it: the files of a worker share its process, see
 * vitest.config.ts); without the marker the real `lp` runs and the CUPS PDF queue prints.
 */
const bin = path.join(tmpdir(), `ventanilla-lp-${process.pid}`);
const garbled = path.join(bin, 'garbled');
mkdirSync(bin, { recursive: true });
writeFileSync(
  path.join(bin, 'lp'),
  `#!/bin/sh\nif [ -e '${garbled}' ]; then cat >/dev/null; echo 'lp: respuesta inesperada del planificador' >&2; exit 3; fi\nexec /usr/bin/lp "$@"\n`,
);
chmodSync(path.join(bin, 'lp'), 0o755);
const pathBefore = process.env.PATH;
process.env.PATH = `${bin}:${process.env.PATH ?? ''}`;

const it = kioskTest({ name: 'print-unknown', config: { printers: { document: 'ventanilla-pdf' } } });

describe('kiosk print whose answer was lost', () => {
  it.afterAll(() => {
    process.env.PATH = pathBefore;
    rmSync(bin, { recursive: true, force: true });
  });

  it('asks the citizen to look at the tray: «Sí, ya salió» ends it, «No salió» prints the same job once more', async ({
    app,
    start,
  }) => {
    await ensureReplica(app.stack.core.store.sqlite, 50);
    const fixture = new BillFixture(app.stack.core.store.sqlite);
    const code = fixture.codes("state <> 'pagada'")[0];
    if (code === undefined) throw new Error('fixture: no subscriber with an unpaid bill');
    const results = await openValidated(start, fixture, code, 'Facturación servicios públicos');
    const page = results.page;
    const jobs = () =>
      app.stack.core.store.sqlite
        .prepare("SELECT state, attempts FROM print_jobs WHERE kind = 'bill' ORDER BY id")
        .all() as { state: string; attempts: number }[];

    writeFileSync(garbled, '');
    await results.print();
    await page.getByText('No sabemos si su factura alcanzó a imprimirse').waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'print-unknown-1-ask');
    await expectKioskScreenUsable(page, 'print-unknown-1-ask');
    expect(jobs()).toEqual([{ state: 'unknown', attempts: 1 }]);
    await page.getByRole('button', { name: 'Sí, ya salió' }).tap();
    await page.getByText('Su factura se imprimió').waitFor();
    expect(jobs()).toEqual([{ state: 'done', attempts: 1 }]);

    await results.print();
    await page.getByText('No sabemos si su factura alcanzó a imprimirse').waitFor({ timeout: 60_000 });
    rmSync(garbled);
    await page.getByRole('button', { name: 'No salió: imprimir de nuevo' }).tap();
    await page.getByText('Su factura se imprimió').waitFor({ timeout: 60_000 });
    // The same job, sent once more: no third job, nothing sent without being asked.
    expect(jobs()).toEqual([
      { state: 'done', attempts: 1 },
      { state: 'done', attempts: 2 },
    ]);
  });
});
