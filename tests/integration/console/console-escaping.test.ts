import { expect, it } from 'vitest';
import { nitCheckDigit } from '../../../src-shared/domain/nit';
import { runInTransaction } from '../../../src-server/db/transaction';
import { applyLiquidationPayment, recordReview } from '../../../src-server/wallet/apply-payment';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { createTestLiquidation, testHolder } from '../../support/wallet-fixtures';

/**
 * Every value a page shows is escaped (ASVS V5.3): a razón social, a name, a bank's raw line and
 * what staff typed in a search reach the page as text, never as markup. The rows are written
 * straight to the database, past the kiosk's validation, as an attacker with another way in would.
 */
const attack = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'Cía'`;
const escaped =
  '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;Cía&#39;';

describeEachServerDatabase('staff console escaping', (variant) => {
  it('a razón social, a name, a raw bank line and a search are shown as text', { timeout: 90_000 }, async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const exec = t.server.database.exec;
    await seedConsoleStaff(exec);
    const body = '900123456';
    const nit = `${body}${nitCheckDigit(body)}`;
    const company = await createTestLiquidation(exec, {
      amount: 150_000,
      docType: 'NIT',
      docNumber: nit,
      client: {
        ...testHolder('NIT', nit),
        identity: { personKind: 'juridica', businessName: attack },
        contact: {
          ...testHolder('NIT', nit).contact,
          address: `Cra 5 <b>bold</b>`,
          email: `"><svg onload=alert(2)>@x.co`,
        },
      },
    });
    const person = await createTestLiquidation(exec, {
      amount: 20_000,
      docType: 'CC',
      docNumber: '71222333',
      client: {
        ...testHolder('CC', '71222333'),
        identity: { personKind: 'natural', firstSurname: attack, secondSurname: '', firstName: 'Ana', secondName: '' },
      },
    });
    await runInTransaction(exec, async (tx) => {
      await applyLiquidationPayment(tx, {
        liquidationId: company.id,
        channel: 'gateway',
        sourceKey: 'gateway:xss-1',
        amount: 150_000,
        source: { kind: 'gateway-clearing', ownerRef: '' },
        at: new Date(),
      });
      await recordReview(tx, {
        kind: 'unknown-reference',
        channel: 'bank',
        sourceKey: 'bank:xss-record',
        liquidationId: null,
        amount: 10_000,
        raw: `06${attack}`,
        details: { fileName: attack, note: attack },
      });
    });

    const browser = new ConsoleClient(t.server.url);
    expect((await browser.login('soporte1', staffPassword('soporte1'))).status).toBe(303);
    const pages = [
      await browser.get(`/consola/prepagos?tipo=NIT&numero=${body}-${nitCheckDigit(body)}`),
      await browser.get(`/consola/liquidaciones/${company.number}`),
      await browser.get(`/consola/liquidaciones/${person.number}`),
      await browser.get(
        `/consola/revisiones/${(await exec.query<{ id: string }>('SELECT id FROM wallet_reviews')).rows[0]?.id ?? ''}`,
      ),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.text).toContain(escaped);
      expect(page.text).not.toMatch(/<script|<img|<svg|<b>/i);
    }
    expect(pages[0]?.text).toContain('Cra 5 &lt;b&gt;bold&lt;/b&gt;');
    expect(pages[0]?.text).toMatch(/data-testid="saldo">\$\s150\.000</);

    // What staff type comes back escaped too, in the field and in the message.
    const search = await browser.get(`/consola/prepagos?tipo=CC&numero=${encodeURIComponent('"><script>x</script>')}`);
    expect(search.status).toBe(400);
    expect(search.text).toContain('&quot;&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(search.text).not.toMatch(/<script/i);
    const filtered = await browser.get(`/consola/liquidaciones?identificacion=${encodeURIComponent('"><img src=x>')}`);
    expect(filtered.status).toBe(200);
    expect(filtered.text).not.toMatch(/<img/i);
  });
});
