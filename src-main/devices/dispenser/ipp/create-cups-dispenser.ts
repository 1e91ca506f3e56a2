import { userInfo } from 'node:os';
import type { Logger } from '../../../logger';
import { CupsDispenser } from './cups-dispenser';

/** How the dispenser is configured (see docs/dispenser.md for the keys). */
export interface CupsDispenserConfig {
  /**
   * A CUPS queue on this machine (`ventanilla-dispensador`), or a printer URI
   * (`ipp://servidor:631/printers/dispensador`, `ipps://…`).
   */
  readonly target: string;
  /** Pause between two questions about a job, in milliseconds. Default 500. */
  readonly pollMs?: number;
  /** From hand-over to the job's end, in milliseconds, before the dispense is in doubt. Default 120 000. */
  readonly answerTimeoutMs?: number;
  /** Limit of one status question or poll, in milliseconds. Default 5 000. */
  readonly requestTimeoutMs?: number;
  /** Limit of the hand-over (the PDF's upload), in milliseconds. Default 30 000. */
  readonly submitTimeoutMs?: number;
}

/** The local scheduler, by address rather than `localhost`, which may resolve to ::1 where cupsd does not listen. */
const LOCAL_CUPS = 'ipp://127.0.0.1:631';

/**
 * The printer URI for a configured target: a URI as it is, a queue name as the local
 * scheduler's `/printers/<name>`. CUPS queue names are printable, without space, `/` or `#`
 * (lpadmin(8)); anything else is not a queue, and null says so.
 */
export function dispenserPrinterUri(target: string): string | null {
  const text = target.trim();
  if (/^(ipps?|https?):\/\//i.test(text)) return text;
  if (!/^[^\s/\\#'"]{1,127}$/u.test(text) || /\p{Cc}/u.test(text)) return null;
  return `${LOCAL_CUPS}/printers/${encodeURIComponent(text)}`;
}

/**
 * The certificate dispenser for a kiosk's configuration. Never throws: a target that is neither
 * a queue name nor a URI gives a dispenser whose status is `offline` with the reason, so the
 * kiosk stops sales with a message instead of failing to start.
 */
export function createCupsDispenser(config: CupsDispenserConfig, log: Logger): CupsDispenser {
  return new CupsDispenser({
    printerUri: dispenserPrinterUri(config.target) ?? config.target,
    log,
    userName: osUserName(),
    pollMs: config.pollMs,
    answerTimeoutMs: config.answerTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
    submitTimeoutMs: config.submitTimeoutMs,
  });
}

/** What `lp` sends as requesting-user-name; a user without a passwd entry (some containers) is `ventanilla`. */
function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'ventanilla';
  }
}
