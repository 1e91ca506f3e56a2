import { readdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';

/**
 * Runs a suite against a real CUPS queue when VENTANILLA_TEST_CUPS_QUEUE names one
 * (`source .ci/cups.sh` starts the scheduler and creates a cups-pdf queue). Without it the
 * suite is skipped with the reason in its name — except in CI (`CI` set), where a missing
 * printer must fail the run instead of hiding the printing tests.
 */
const QUEUE_VARIABLE = 'VENTANILLA_TEST_CUPS_QUEUE';

export function describeWithCups(name: string, suite: (queue: string) => void): void {
  const queue = process.env[QUEUE_VARIABLE]?.trim() || null;
  if (queue !== null) {
    describe(`${name} [cups: ${queue}]`, () => suite(queue));
    return;
  }
  if (process.env.CI) {
    describe(`${name} [cups]`, () => {
      it(`requires ${QUEUE_VARIABLE} in CI`, () => {
        throw new Error(`CI is set but ${QUEUE_VARIABLE} is not: source .ci/cups.sh before running the tests.`);
      });
    });
    return;
  }
  describe.skip(`${name} [cups] — skipped: ${QUEUE_VARIABLE} is not set (source .ci/cups.sh to run it)`, () =>
    suite('unset'));
}

/**
 * The folder cups-pdf writes this user's jobs to: `Out` in /etc/cups/cups-pdf.conf with
 * ${HOME} and ${USER} expanded the way cups-pdf does (from the password database).
 */
export function cupsPdfOutDir(): string {
  const conf = readFileSync('/etc/cups/cups-pdf.conf', 'utf8');
  const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '/var/spool/cups-pdf/${USER}';
  const user = userInfo();
  return out.replaceAll('${HOME}', user.homedir).replaceAll('${USER}', user.username);
}

/** The PDFs cups-pdf wrote whose file name holds `token` (it names files after the job title). */
export function cupsPdfOutputs(token: string): string[] {
  const dir = cupsPdfOutDir();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => name.includes(token) && name.endsWith('.pdf')).map((name) => path.join(dir, name));
}
