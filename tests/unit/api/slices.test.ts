import { describe, expect, it } from 'vitest';
import { ok, err } from '../../../src-shared/api/result';
import { opNames, type OpName } from '../../../src-shared/api/contract';
import type { CallerResolvers } from '../../../src-main/api/callers';
import type { Handlers } from '../../../src-main/api/handler';
import { mergeSlices, stopSlices, type Slice } from '../../../src-main/api/slice';

/** A slice answering `ops` with one shared handler; what it answers does not matter here. */
function slice(
  name: string,
  ops: readonly OpName[],
  callers: Partial<CallerResolvers> = {},
  stop: () => Promise<void> = () => Promise.resolve(),
): Slice {
  const answer = () => Promise.resolve(ok(null));
  // Each listed operation gets the same do-nothing handler; the merge only looks at which are present.
  return { name, handlers: Object.fromEntries(ops.map((op) => [op, answer])) as Partial<Handlers>, callers, stop };
}

const never = () => err('session-ended', 'nunca');
const allCallers: CallerResolvers = {
  'kiosk-visit': never,
  'citizen-session': never,
  'staff-session': never,
  'supervisor-grant': never,
};
const cashierOps = opNames.filter((op) => op.startsWith('cashier.'));
const otherOps = opNames.filter((op) => !op.startsWith('cashier.'));

describe('merging the slices at start-up', () => {
  it('gives every operation its one handler and every credential kind its resolver', () => {
    const { 'staff-session': staffSession, ...others } = allCallers;
    const merged = mergeSlices([
      slice('cashier', cashierOps, { 'staff-session': staffSession }),
      slice('rest', otherOps, others),
    ]);
    expect(Object.keys(merged.handlers).toSorted()).toEqual([...opNames].toSorted());
    expect(Object.keys(merged.callers).toSorted()).toEqual([
      'citizen-session',
      'kiosk-visit',
      'staff-session',
      'supervisor-grant',
    ]);
  });

  it('refuses to start when an operation has no handler, naming it', () => {
    const missing = otherOps.filter((op) => op !== 'bills.current');
    expect(() => mergeSlices([slice('cashier', cashierOps), slice('rest', missing, allCallers)])).toThrow(
      /No slice handles bills\.current: add the feature's slice/,
    );
  });

  it('refuses an operation handled by two slices, naming both', () => {
    expect(() =>
      mergeSlices([
        slice('cashier', cashierOps),
        slice('rest', otherOps, allCallers),
        slice('caja-2', ['cashier.takePayment']),
      ]),
    ).toThrow('The operation cashier.takePayment is handled by both the cashier and the caja-2 slices.');
  });

  it('refuses a credential kind nobody resolves, or two resolving one', () => {
    const { 'staff-session': _staff, ...withoutStaff } = allCallers;
    expect(() => mergeSlices([slice('all', opNames, withoutStaff)])).toThrow(
      /No slice resolves credentials of kind staff-session/,
    );
    expect(() =>
      mergeSlices([slice('all', opNames, allCallers), slice('cashier', [], { 'staff-session': never })]),
    ).toThrow(/staff-session are resolved by both the all and the cashier/);
  });

  it('refuses a handler for a name that is not in the contract', () => {
    const stray: Slice = {
      ...slice('all', opNames, allCallers),
      handlers: { ...slice('all', opNames).handlers, ...{ 'bills.currnet': () => Promise.resolve(ok(null)) } },
    };
    expect(() => mergeSlices([stray])).toThrow(/handles bills\.currnet, which is not an operation/);
  });
});

describe('stopping the slices', () => {
  it('stops them in the reverse of their start order, all of them even when one fails, then reports the failure', async () => {
    const stopped: string[] = [];
    const stopping =
      (name: string, fails = false) =>
      () => {
        stopped.push(name);
        return fails ? Promise.reject(new Error(`${name} did not stop`)) : Promise.resolve();
      };
    const slices = [
      slice('printers', [], {}, stopping('printers')),
      slice('sync', [], {}, stopping('sync', true)),
      slice('cashier', [], {}, stopping('cashier')),
    ];
    await expect(stopSlices(slices)).rejects.toThrow('sync did not stop');
    expect(stopped).toEqual(['cashier', 'sync', 'printers']);
  });
});
