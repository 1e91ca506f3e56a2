import { err, ok } from '../../src-shared/api/result';
import type { Handlers } from '../api/handler';
import type { Slice } from '../api/slice';
import type { CounterConfig } from '../cashier/counter-context';
import type { StaffSessions } from '../cashier/staff-sessions';
import type { StaffAuthorizer } from '../staff/staff-authorizer';
import type { DeviceMeta } from '../device/device-meta';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { Logger } from '../logger';
import { BillLookup } from '../payment-taking/bill-lookup';
import { PaymentRecorder } from '../payment-taking/payment-recorder';
import type { Store } from '../store/open-store';
import type { DeviceClock } from '../sync/clock';
import { FieldCollections } from './field-collections';
import { FieldDays } from './field-days';
import { FieldHandovers } from './field-handover';
import { HandoverChecker } from './handover-check';
import { FieldPrepare, type FieldPrepareDeps } from './field-prepare';
import { fieldMessages } from './field-messages';
import { FieldRecords } from './field-records';
import { FieldVoids } from './field-voids';
import { RouteSheet } from './route-sheet';

export interface FieldDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /**
   * The staff sessions the counter's slice resolves (`staff-session` credentials): a field
   * laptop's sign-in is the counter's, checked against the replicated accounts, offline too.
   */
  readonly sessions: StaffSessions;
  /** Checks a supervisor's user and password on the laptop, for the entrega de recaudo and a void. */
  readonly authorizer: Pick<StaffAuthorizer, 'approve'>;
  readonly clock: Pick<DeviceClock, 'checkForMoney'>;
  readonly receipts: ReceiptPrinting;
  readonly config: Pick<CounterConfig, 'entity' | 'deviceName' | 'cashRoundingStep'>;
  readonly log: Logger;
  /** The clock of money records (tests fix it). */
  readonly now?: () => Date;
  /** The central server and the sync service, for «Preparar salida»; without them it says the device is not enrolled. */
  readonly server?: Pick<FieldPrepareDeps, 'client' | 'syncNow' | 'catchUpTimeoutMs'>;
}

/**
 * Field mode (docs/field-mode.md): the route sheet, collection days and collecting, all from
 * the device's replica and store, so all of it works for days without the central server.
 */
export function startField(deps: FieldDeps): Slice {
  const now = deps.now ?? (() => new Date());
  const records = new FieldRecords(deps.store);
  const bills = new BillLookup({
    store: deps.store,
    now,
    refuseExpiredBarcodes: false,
    cashRoundingStep: deps.config.cashRoundingStep,
  });
  const days = new FieldDays({ store: deps.store, records, now, log: deps.log });
  const sheet = new RouteSheet({
    store: deps.store,
    meta: deps.meta,
    bills,
    now,
    cashRoundingStep: deps.config.cashRoundingStep,
  });
  const collections = new FieldCollections({
    store: deps.store,
    meta: deps.meta,
    records,
    days,
    bills,
    recorder: new PaymentRecorder({
      store: deps.store,
      meta: deps.meta,
      deviceName: deps.config.deviceName,
      channel: 'campo',
      cashRoundingStep: deps.config.cashRoundingStep,
      now,
      log: deps.log,
    }),
    receipts: deps.receipts,
    clock: deps.clock,
    entity: deps.config.entity,
    deviceName: deps.config.deviceName,
    now,
    log: deps.log,
  });
  const notEnrolled = {
    call: () => Promise.resolve(err('not-enrolled', 'Este equipo aún no está inscrito en el servidor central.')),
  } as const;
  const syncNow = deps.server?.syncNow ?? (() => undefined);
  const prepare = new FieldPrepare({
    store: deps.store,
    meta: deps.meta,
    client: deps.server?.client ?? notEnrolled,
    syncNow,
    catchUpTimeoutMs: deps.server?.catchUpTimeoutMs,
    log: deps.log,
    now,
  });
  const checker = new HandoverChecker({
    meta: deps.meta,
    records,
    client: deps.server?.client ?? notEnrolled,
    syncNow,
    log: deps.log,
  });
  const handovers = new FieldHandovers({
    store: deps.store,
    meta: deps.meta,
    records,
    checker,
    authorizer: deps.authorizer,
    syncNow,
    receipts: deps.receipts,
    entity: deps.config.entity,
    deviceName: deps.config.deviceName,
    now,
    log: deps.log,
  });
  const voids = new FieldVoids({
    store: deps.store,
    meta: deps.meta,
    records,
    authorizer: deps.authorizer,
    clock: deps.clock,
    now,
    log: deps.log,
  });
  const handlers: Pick<Handlers, `field.${string}` & keyof Handlers> = {
    'field.signIn': async (input) => {
      const signed = await deps.sessions.signIn(input.username, input.password);
      if (!signed.ok) return signed;
      return ok({ staffSession: signed.value.staffSession, staff: signed.value.staff });
    },
    'field.signOut': (input) => {
      deps.sessions.signOut(input.staffSession);
      return Promise.resolve(ok({ signedOut: true as const }));
    },
    'field.status': () => {
      const today = days.today();
      return Promise.resolve(
        ok({
          lastPullAt: deps.meta.get('lastPullAt'),
          outbox: records.unsentPayments(),
          today: today === null ? null : records.dayView(today),
        }),
      );
    },
    'field.prepare': (input) => prepare.prepare(input.redownload),
    'field.openDay': (_input, staff) => {
      // A day takes its date from the clock: one known to be wrong opens none.
      const clock = deps.clock.checkForMoney();
      if (!clock.ok) return Promise.resolve(clock);
      // Today's day, once open, stays open: collecting is never blocked. A new day needs a
      // finished download checked against the server (field-prepare.ts).
      const refusal = days.today() === null ? prepare.refusal() : null;
      if (refusal !== null) return Promise.resolve(err('conflict', refusal));
      return Promise.resolve(days.open(staff));
    },
    'field.routeSheet': (input) => Promise.resolve(ok(sheet.list(input.query, input.after, input.limit))),
    'field.subscriber': (input) => Promise.resolve(sheet.subscriber(input.codigoInterno)),
    'field.collect': (input, staff) => collections.collect(staff, input),
    'field.days': () => {
      const flags = records.flags();
      return Promise.resolve(ok({ days: records.days().map((day) => records.dayView(day, flags)) }));
    },
    'field.dayPayments': (input) => {
      const day = records.day(input.dayId);
      if (day === undefined) return Promise.resolve(err('not-found', fieldMessages.dayNotFound));
      const flags = records.flags();
      return Promise.resolve(
        ok({
          day: records.dayView(day, flags),
          payments: records.payments(day.id).map((row) => records.paymentView(row, flags)),
        }),
      );
    },
    'field.reprint': (input, staff) => collections.reprint(staff, input.paymentId),
    'field.flagVoid': (input, staff) => collections.flag(staff, input),
    'field.voidPayment': (input, staff) => voids.void(staff, input),
    'field.handoverCheck': async (_input, staff) => {
      const checked = await checker.check(staff);
      return checked.ok ? ok(checked.value.check) : checked;
    },
    'field.handOver': (input, staff) => handovers.handOver(staff, input),
    'field.handoverPdf': (input) => handovers.pdf(input),
    'field.handoverReprint': (input) => handovers.reprint(input),
  };
  return { name: 'field', handlers, stop: () => Promise.resolve() };
}
