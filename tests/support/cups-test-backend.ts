import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A CUPS backend of our own for tests, to play a dispenser that fails in the ways a real one
 * does. cupsd runs a backend for every job on a queue whose device URI has its scheme; this one
 * reads what to do from the URI's path (`<scheme>:/<behaviour>`), tells the scheduler on
 * standard error as real backends do (`STATE: +media-empty-error`, `ERROR: …`; see
 * backend(7)), and exits with the code that makes the job end the way a device would make it.
 *
 * Installed mode 0700 owned by root, so cupsd runs it as root (backend(7): a backend not
 * readable by others runs as root) — the way CUPS's own usb and cups-pdf backends are installed.
 */
export const backendBehaviours = {
  /** Takes the document and ends well. */
  ok: 'cat >/dev/null; exit 0',
  /** The device failed: CUPS_BACKEND_FAILED, and the queue's error policy aborts the job. */
  fail: 'echo "ERROR: el dispositivo de prueba falló" >&2; exit 1',
  /** Out of paper mid-job. */
  empty: 'echo "STATE: +media-empty-error" >&2; echo "ERROR: sin papel" >&2; exit 1',
  /** A sheet stuck mid-job. */
  jam: 'echo "STATE: +media-jam-error" >&2; echo "ERROR: atasco" >&2; exit 1',
  /** Its door opened mid-job. */
  door: 'echo "STATE: +door-open-error" >&2; exit 1',
  /** Prints, and warns that paper runs low. */
  low: 'echo "STATE: +media-low-report" >&2; cat >/dev/null; exit 0',
} as const;
export type BackendBehaviour = keyof typeof backendBehaviours;

// Like .ci/cups.sh: the print system is an administrator's, so through sudo when not root.
const asAdmin = process.getuid?.() === 0 ? [] : ['sudo', '-n'];

export function admin(command: string, ...args: string[]): string {
  const [file = command, ...rest] = [...asAdmin, command, ...args];
  return execFileSync(file, rest, {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The backend folder of Debian's CUPS (`cups-config --serverbin`/backend). */
const BACKEND_DIR = '/usr/lib/cups/backend';

export interface TestBackend {
  /** The device-URI scheme the backend answers to. */
  readonly scheme: string;
  /** Makes a queue on this backend (raw: the PDF reaches the backend as it is). */
  addQueue(name: string, behaviour: BackendBehaviour, options?: readonly string[]): void;
  /** Deletes the queues made and the backend itself. */
  remove(): void;
}

/** Installs a backend with a name unique to this run; `scratchDir` holds its script before install(1) copies it. */
export function installTestBackend(scratchDir: string): TestBackend {
  const scheme = `ventanilla-prueba-${randomBytes(4).toString('hex')}`;
  const cases = Object.entries(backendBehaviours)
    .map(([name, script]) => `  ${name}) ${script} ;;`)
    .join('\n');
  const script = `#!/bin/sh
# Ventanilla's test backend (tests/support/cups-test-backend.ts); removed when the test ends.
if [ $# -eq 0 ]; then echo 'direct ${scheme} "Ventanilla" "Dispensador de prueba"'; exit 0; fi
case "\${DEVICE_URI#*:/}" in
${cases}
  *) echo "ERROR: comportamiento desconocido" >&2; exit 1 ;;
esac
`;
  const source = path.join(scratchDir, scheme);
  writeFileSync(source, script, { mode: 0o600 });
  const installed = path.join(BACKEND_DIR, scheme);
  admin('install', '-m', '0700', '-o', 'root', '-g', 'root', source, installed);
  const queues: string[] = [];
  return {
    scheme,
    addQueue(name, behaviour, options = []) {
      admin(
        'lpadmin',
        '-p',
        name,
        '-E',
        '-v',
        `${scheme}:/${behaviour}`,
        '-o',
        'printer-error-policy=abort-job',
        ...options,
      );
      queues.push(name);
    },
    remove() {
      const failures: string[] = [];
      for (const queue of queues.splice(0)) {
        try {
          admin('lpadmin', '-x', queue);
        } catch (error) {
          failures.push(`${queue}: ${String(error)}`);
        }
      }
      admin('rm', '-f', installed);
      if (failures.length > 0) throw new Error(`queues not removed: ${failures.join('; ')}`);
    },
  };
}
