import { readFile, rename, unlink, writeFile } from 'node:fs/promises';

/**
 * The launch page: a local HTML file, readable by this user only (0600), that sends the browser
 * on to a fresh one-time launch address, and is rewritten each time its code is spent. A kiosk
 * starts Chromium on the file (`chromium --kiosk file:///…/web-launch.html`), again after every
 * browser restart: the process list shows a file name, never a code or the session token.
 */
export class LaunchPage {
  private writing: Promise<void> = Promise.resolve();
  private current: string | null = null;

  constructor(private readonly file: string) {}

  /** Points the page at `url`; writes are queued so the last one always wins. */
  write(url: string): Promise<void> {
    const html = launchHtml(url);
    this.current = html;
    this.writing = this.writing.then(async () => {
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, html, { mode: 0o600 });
      await rename(temp, this.file);
    });
    return this.writing;
  }

  /** Removes the file if it is still ours (a newer start may have replaced it). */
  async remove(): Promise<void> {
    await this.writing.catch(() => undefined);
    const text = await readFile(this.file, 'utf8').catch(() => null);
    if (text !== null && text === this.current) await unlink(this.file).catch(() => undefined);
  }
}

/** `url` is the host's loopback origin and a base64url code: nothing in it needs escaping. */
function launchHtml(url: string): string {
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${url}">`,
    '<title>Ventanilla</title>',
    '',
  ].join('\n');
}
