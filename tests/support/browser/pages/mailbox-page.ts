import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The embedded central server's local mailbox (no SMTP_URL): where `npm start` leaves the
 * mail a citizen would receive. Read like a person would: the address the start-up printed
 * (with its token), the list, then the mail's text.
 */
export class MailboxPage {
  private constructor(
    readonly page: Page,
    private readonly mailboxUrl: string,
  ) {}

  /** `mailboxUrl`: the server's `mailboxUrl`, token included. */
  static async open(browser: Browser, mailboxUrl: string): Promise<MailboxPage> {
    const page = await browser.newPage();
    return new MailboxPage(page, mailboxUrl);
  }

  /** The text of the newest mail to `recipient` whose subject matches, waiting for it to arrive. */
  async latestText(recipient: string, subject: RegExp, timeoutMs = 15_000): Promise<string> {
    const row = this.page.getByRole('row').filter({ hasText: recipient }).filter({ hasText: subject }).first();
    // The list as the server has it now, read again until the mail is in it: most mail is queued
    // with the change it tells about, a soporte when the wallet's mailer next looks.
    await expect
      .poll(
        async () => {
          await this.page.goto(this.mailboxUrl);
          return row.count();
        },
        { timeout: timeoutMs, message: `no mail to ${recipient} matching ${subject} in the local mailbox` },
      )
      .toBeGreaterThan(0);
    await row.getByRole('link').click();
    return this.page.locator('pre').innerText();
  }

  /** How many mails to `recipient` the mailbox lists. */
  async countTo(recipient: string): Promise<number> {
    await this.page.goto(this.mailboxUrl);
    return this.page.getByRole('row').filter({ hasText: recipient }).count();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
