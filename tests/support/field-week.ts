import { shiftClock } from './processes/shifted-clock';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/result';
import { startCounter, type CounterChild } from './counter-child';

/**
 * Time for tests that live through days: Bogotá dates and hours, this test process's own wall
 * clock (the in-process central server's), and a field laptop in a child process whose clock is
 * set to a given instant. The laptop child is tests/support/processes/counter-process.ts: its
 * commands (an operation through the dispatcher, a clock move) are the device's, whatever the
 * mode; the data dir's ventanilla.json makes it a field laptop.
 */

/** `at` in Bogotá, which is UTC−5 all year (no daylight saving): `bogotaTime('2026-12-05', '08:00')`. */
export function bogotaTime(date: string, time: string): Date {
  return new Date(`${date}T${time}:00-05:00`);
}

/** The Bogotá date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const noon = new Date(`${date}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() + days);
  return noon.toISOString().slice(0, 10);
}

let processShiftMs = 0;

/**
 * This test process's wall clock, for a central server run in it that must live days later
 * (the whole process moves, as shifted-clock.ts moves a child). `reset()` after the test.
 */
export const testProcessClock = {
  /** The true time, whatever the shift. */
  realNow: (): number => Date.now() - processShiftMs,
  /** This process's clock reads `at` from now on (and moves on from there). */
  setTo(at: Date): void {
    processShiftMs = at.getTime() - testProcessClock.realNow();
    shiftClock(processShiftMs);
  },
  reset(): void {
    processShiftMs = 0;
    shiftClock(0);
  },
};

/** A field laptop's app core in a child process, with its clock set by instant. */
export interface FieldLaptopChild {
  readonly counter: CounterChild;
  /** A contract operation through the child's dispatcher, as a Result. */
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** The same, its output typed; a refusal throws with its code and message. */
  value<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
  /** The laptop's clock reads `at` from now on (and moves on from there), like an OS clock set by hand. */
  setClockTo(at: Date): Promise<void>;
}

export async function startFieldLaptop(dataDir: string, serverUrl: string, clockAt: Date): Promise<FieldLaptopChild> {
  // Bundled (child-bundle.ts): the app core's modules load in ~0.45 s instead of ~1 s through tsx.
  const counter = await startCounter(dataDir, serverUrl, clockAt.getTime() - testProcessClock.realNow(), {
    bundled: true,
  });
  const call = async <K extends OpName>(op: K, input: OpInput<K>) =>
    (await counter.call(op, input)) as Result<OpOutput<K>>;
  return {
    counter,
    call,
    async value(op, input) {
      const result = await call(op, input);
      if (!result.ok) throw new Error(`${op}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    setClockTo: (at) => counter.setClock(at.getTime() - testProcessClock.realNow()),
  };
}
