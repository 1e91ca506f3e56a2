import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { DeviceStatus } from '../../src-shared/api/ops/status';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { scrubLogLine } from '../../src-shared/diagnostics/scrub';
import { readLastLogLines } from './log-files';

const gzipAsync = promisify(gzip);

/** What a bundle says of the device besides its log: no secret, no citizen (docs/operations.md). */
export interface DeviceSummary {
  readonly appVersion: string;
  readonly mode: DeviceMode;
  readonly deviceName: string;
  readonly office: string | null;
  readonly madeAt: string;
  /** The status strip's figures (connection, outbox counts, printer, dispenser); null when it could not say. */
  readonly status: DeviceStatus | null;
}

export interface DiagnosticBundle {
  readonly gzip: Buffer;
  /** Log lines in it, besides the summary's. */
  readonly lines: number;
}

/**
 * A diagnostic bundle: JSON lines, the first `{ kind: 'ventanilla-diagnostic', summary }` and
 * then the last `maxBytes` of the log, oldest first; every line scrubbed
 * (src-shared/diagnostics/scrub.ts), then gzip-compressed.
 */
export async function buildDiagnosticBundle(
  logsDir: string,
  maxBytes: number,
  summary: DeviceSummary,
): Promise<DiagnosticBundle> {
  const lines = await readLastLogLines(logsDir, maxBytes);
  const head = JSON.stringify({ kind: 'ventanilla-diagnostic', version: 1, summary });
  const text = [head, ...lines].map(scrubLogLine).join('\n') + '\n';
  return { gzip: await gzipAsync(Buffer.from(text, 'utf8')), lines: lines.length };
}
