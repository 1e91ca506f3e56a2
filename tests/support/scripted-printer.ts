import type {
  DocumentPrinter,
  PrintDocument,
  PrinterCondition,
  PrinterStatus,
  SystemJobState,
} from '../../src-main/devices/document-printer/document-printer';
import { PrintFailure } from '../../src-main/devices/document-printer/document-printer';

/**
 * A document printer a test drives by hand (STYLE §11: fakes live in tests/): its condition,
 * what the next submits do, and when each job in its "system queue" finishes. It records every
 * document that really reached it, so a test can count copies.
 */
export class ScriptedPrinter implements DocumentPrinter {
  condition: PrinterCondition = 'ready';
  /** What the next submits do, in order; when empty, submits succeed. */
  readonly submitScript: PrintFailure[] = [];
  /** Documents that reached the "print system", by system job id. */
  readonly received = new Map<string, PrintDocument>();
  readonly cancelled: string[] = [];
  /** Called inside submit, before it answers: a test looks at the store mid-attempt. */
  onSubmit: ((document: PrintDocument) => void) | null = null;
  /** When set, jobState throws this (a print system that stopped answering). */
  jobStateFailure: PrintFailure | null = null;
  /** Jobs finish by themselves (the common case) unless a test holds them. */
  holdJobs = false;
  private readonly states = new Map<string, SystemJobState>();
  private next = 1;

  constructor(readonly name: string | null = 'prueba') {}

  status(): Promise<PrinterStatus> {
    return Promise.resolve({ condition: this.condition, detail: null });
  }

  submit(document: PrintDocument): Promise<string> {
    this.onSubmit?.(document);
    const failure = this.submitScript.shift();
    if (failure !== undefined) return Promise.reject(failure);
    const id = `${this.name ?? 'x'}-${this.next++}`;
    this.received.set(id, document);
    this.states.set(id, this.holdJobs ? 'active' : 'done');
    return Promise.resolve(id);
  }

  jobState(systemJobId: string): Promise<SystemJobState> {
    if (this.jobStateFailure !== null) return Promise.reject(this.jobStateFailure);
    return Promise.resolve(this.states.get(systemJobId) ?? 'unknown');
  }

  cancel(systemJobId: string): Promise<void> {
    this.cancelled.push(systemJobId);
    this.states.set(systemJobId, 'done');
    return Promise.resolve();
  }

  /** Puts a job in the "system queue" as if an earlier run had submitted it. */
  knowJob(systemJobId: string, state: SystemJobState): void {
    this.states.set(systemJobId, state);
  }

  finish(systemJobId: string): void {
    this.states.set(systemJobId, 'done');
  }
}

export const transient = (): PrintFailure =>
  new PrintFailure('transient', 'El sistema de impresión del equipo no responde.', 'test');
export const permanent = (message: string): PrintFailure => new PrintFailure('permanent', message, 'test');
