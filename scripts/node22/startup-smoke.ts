import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { AppInfo } from '../../src-shared/api/ops/app';
import {
  apiPath,
  launchExchangePath,
  launchFragmentKey,
  LaunchExchangeValue,
  tokenHeader,
} from '../../src-shared/api/web-protocol';
import { HealthBody } from '../../src-shared/server-api/device-api';
import { startStack } from '../stack';

/**
 * The start-up smoke of the Node 22 check, run under Node 22 by check.ts: `npm start`'s stack
 * (embedded central server on PGlite with a little demo data, the device's core on its encrypted
 * SQLite store, enrolled, and the web host) in a throw-away data dir on free ports; the central
 * server's /health answers, and the web host answers app.info the way the page reaches it (a
 * launch code traded for the session token). Exits non-zero, naming the step, on any failure.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ventanilla-node22-'));
  const stack = await step('arrancar servidor central, núcleo del dispositivo y anfitrión web', () =>
    startStack({ dataDir, demoSubscribers: 5, logLevel: 'warn' }),
  );
  try {
    const serverUrl = stack.server?.url ?? '';
    const health = await step('GET /health del servidor central', () =>
      getJson(new URL('/health', serverUrl), HealthBody),
    );
    if (health.status !== 'ok') throw new Error(`/health respondió ${health.status}`);

    const token = await step('canjear el código de arranque en el anfitrión web', async () => {
      const code = new URLSearchParams(new URL(stack.appUrl).hash.slice(1)).get(launchFragmentKey) ?? '';
      return (await postApi(stack.origin, launchExchangePath, {}, { code }, LaunchExchangeValue)).token;
    });
    const info = await step('app.info en el anfitrión web', () =>
      postApi(stack.origin, apiPath('app.info'), { [tokenHeader]: token }, {}, AppInfo),
    );
    if (info.device.id === null) throw new Error('el dispositivo no quedó inscrito en el servidor central');
    console.log(
      `  arranque con Node ${process.versions.node}: /health ${health.status} (${health.database}); app.info: ${info.entity.name}, ${info.device.mode} inscrito`,
    );
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(
      `Falló «${name}» con Node ${process.versions.node}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function getJson<S extends z.ZodType>(url: URL, schema: S): Promise<z.infer<S>> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return schema.parse(await response.json());
}

/** POSTs as the page does: from the host's own origin, with a JSON body; unwraps `{ ok, value }`. */
async function postApi<S extends z.ZodType>(
  origin: string,
  pathname: string,
  headers: Record<string, string>,
  body: unknown,
  schema: S,
): Promise<z.infer<S>> {
  const response = await fetch(new URL(pathname, origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const answer = (await response.json()) as { ok?: boolean; value?: unknown; error?: { message?: string } };
  if (!response.ok || answer.ok !== true)
    throw new Error(`HTTP ${response.status}: ${answer.error?.message ?? JSON.stringify(answer)}`);
  return schema.parse(answer.value);
}

// Exits explicitly: this checks start-up, and a timer some library leaves behind after the stack
// has stopped must not hold the run until check.ts's time-out.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
