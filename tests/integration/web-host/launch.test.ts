import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/web-host';
import { createRootLogger } from '../../../src-main/logger';
import { apiPath, launchExchangePath, launchFragmentKey, tokenHeader } from '../../../src-shared/api/web-protocol';
import { startTestCore, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof tempDir>;
let core: AppCore;
let host: WebHost;
let launchPage: string;

beforeAll(async () => {
  dir = tempDir('web-launch');
  core = startTestCore(testConfig(dir.path));
  launchPage = path.join(dir.path, 'web-launch.html');
  host = await startWebHost({
    port: 0,
    rendererDir: `${dir.path}/no-renderer`,
    dispatch: core.dispatch,
    log: createRootLogger('silent'),
    launchPage,
  });
});
afterAll(async () => {
  await host.stop();
  await core.stop();
  dir.remove();
});

const codeOf = (url: string): string => new URLSearchParams(new URL(url).hash.slice(1)).get(launchFragmentKey) ?? '';

/** What the page does with the code in its address; `origin` is what a browser would send. */
const exchange = (code: string, origin: string | null = host.origin) =>
  fetch(`${host.origin}${launchExchangePath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin === null ? {} : { origin }) },
    body: JSON.stringify({ code }),
  });

/** The address the launch page sends the browser on to. */
const pageAddress = (): string => /content="0;url=([^"]+)"/.exec(readFileSync(launchPage, 'utf8'))?.[1] ?? '';

describe('web host launch codes: the session token never travels in an address', () => {
  it('prints an address with a one-time code in the fragment, and never the session token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#${launchFragmentKey}=[A-Za-z0-9_-]{32}$`));
    expect(host.url).not.toContain(host.token);
    expect(host.launchUrl()).not.toBe(host.launchUrl());
  });

  it('trades a code once for the session token; the spent code is refused', async () => {
    const code = codeOf(host.launchUrl());
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const { value } = (await first.json()) as { value: { token: string } };
    // The token the page gets works for the contract.
    const info = await fetch(`${host.origin}${apiPath('app.info')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [tokenHeader]: value.token },
      body: '{}',
    });
    expect(info.status).toBe(200);

    // Someone who copied the address from `ps` or a screen arrives second.
    const second = await exchange(code);
    expect(second.status).toBe(401);
    expect(await second.json()).toMatchObject({
      ok: false,
      error: { code: 'wrong-credentials', message: expect.stringMatching(/ya se usó/) },
    });
  });

  it('refuses a made-up or empty code', async () => {
    expect((await exchange('x'.repeat(32))).status).toBe(401);
    expect((await exchange('')).status).toBe(401);
  });

  it('refuses a trade from another Origin, or with none, and the code stays unspent for the real page', async () => {
    const code = codeOf(host.launchUrl());
    const foreign = await exchange(code, 'http://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A local program (curl, a script) sends no Origin: a browser always does with a POST.
    expect((await exchange(code, null)).status).toBe(403);
    expect((await exchange(code, `http://localhost:${new URL(host.origin).port}.evil.example`)).status).toBe(403);
    expect((await exchange(code)).status).toBe(200);
  });

  it('keeps a launch page for kiosk launchers, for this user only, with a fresh code after each start of the browser', async () => {
    expect(statSync(launchPage).mode & 0o777).toBe(0o600);
    const before = pageAddress();
    expect(before.startsWith(`${host.origin}/#${launchFragmentKey}=`)).toBe(true);
    expect(readFileSync(launchPage, 'utf8')).not.toContain(host.token);

    expect((await exchange(codeOf(before))).status).toBe(200);
    const after = pageAddress();
    expect(after).not.toBe(before);
    expect(statSync(launchPage).mode & 0o777).toBe(0o600);
    // The page as the browser saw it is spent; the rewritten one opens the next start.
    expect((await exchange(codeOf(before))).status).toBe(401);
    expect((await exchange(codeOf(after))).status).toBe(200);
  });

  it('removes its launch page when it stops', async () => {
    const other = tempDir('web-launch-stop');
    const page = path.join(other.path, 'web-launch.html');
    const second = await startWebHost({
      port: 0,
      rendererDir: `${other.path}/none`,
      dispatch: core.dispatch,
      log: createRootLogger('silent'),
      launchPage: page,
    });
    expect(existsSync(page)).toBe(true);
    await second.stop();
    expect(existsSync(page)).toBe(false);
    other.remove();
  });
});
