/**
 * This process's wall clock, shiftable at run time like an OS clock set by hand or jumping
 * after a dead CMOS battery: `Date.now()` and `new Date()` (and everything built on them, such
 * as UUIDv7 ids and the log's timestamps) read the real time plus an offset. Timers and
 * `performance.now()` stay on the monotonic clock, as they do when an OS clock jumps. Imported
 * first by a child script, before the app's modules; never imported by the app.
 */
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let offsetMs = 0;

RealDate.now = () => realNow() + offsetMs;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) =>
    Reflect.construct(target, args.length === 0 ? [realNow() + offsetMs] : args, newTarget) as object,
  apply: () => new RealDate(realNow() + offsetMs).toString(),
});

/** Sets the clock to the real time plus `ms` (negative: behind). */
export function shiftClock(ms: number): void {
  offsetMs = ms;
}
