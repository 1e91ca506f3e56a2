import type { FieldSubscriber, RouteSheetRow } from '../../src-shared/api/ops/field';
import { err, ok, type Result } from '../../src-shared/api/result';
import { paidElsewhereRisk } from '../../src-shared/field/field-words';
import type { DeviceMeta } from '../device/device-meta';
import type { BillLookup } from '../payment-taking/bill-lookup';
import type { Store } from '../store/open-store';
import { fieldMessages } from './field-messages';

/** A bill still owed: the replica's pending or overdue, and not collected on this laptop. */
const owedBills = `FROM bills b WHERE b.codigo_interno = s.codigo_interno AND b.state IN ('pendiente', 'vencida')
  AND NOT EXISTS (SELECT 1 FROM cashier_payments p WHERE p.bill_number = b.bill_number AND p.state = 'valid')`;

const columns = `s.codigo_interno AS codigoInterno, s.codigo_ruta AS codigoRuta, s.holder_name AS holderName,
  s.address, s.meter_serial AS meterSerial,
  (SELECT count(*) ${owedBills}) AS pendingBills,
  (SELECT coalesce(sum(b.total), 0) ${owedBills}) AS pendingTotal`;

/** One subscriber as the search reads it: código interno, address and meter, folded (foldForSearch). */
interface Searchable {
  readonly codigoInterno: number;
  readonly codigoRuta: string;
  readonly text: string;
}

/**
 * The route sheet (docs/field-mode.md): the replica holds exactly the device's routes, so
 * every subscriber in it is on them. Route order is the código de ruta's (ciclo-ruta-secuencia,
 * zero-padded, so text order is walking order). The whole sheet is paged from the código de
 * ruta index; a search looks for the typed text, accents and case aside, inside the código
 * interno, the address and the meter serial of a list kept in memory (a few thousand short
 * strings, read again whenever the replica pulls), then reads the page's rows by key: a LIKE
 * scan of the table took 2 ms and up to 40 under load, this takes well under one
 * (tests/integration/field/field-collection.test.ts measures it).
 */
export class RouteSheet {
  private readonly inOrder;
  private readonly byCodes;
  private readonly allSearchable;
  private searchable: { readonly version: string; readonly rows: readonly Searchable[] } | null = null;

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly meta: DeviceMeta;
      readonly bills: BillLookup;
      readonly now: () => Date;
      readonly cashRoundingStep: number;
    },
  ) {
    const sqlite = deps.store.sqlite;
    this.inOrder = sqlite.prepare<[string, number], RouteSheetRow>(
      `SELECT ${columns} FROM subscribers s WHERE s.codigo_ruta > ? ORDER BY s.codigo_ruta, s.codigo_interno LIMIT ?`,
    );
    this.byCodes = sqlite.prepare<[string], RouteSheetRow>(
      `SELECT ${columns} FROM subscribers s WHERE s.codigo_interno IN (SELECT value FROM json_each(?))
       ORDER BY s.codigo_ruta, s.codigo_interno`,
    );
    this.allSearchable = sqlite.prepare<
      [],
      { codigoInterno: number; codigoRuta: string; address: string; meter: string }
    >(
      `SELECT codigo_interno AS codigoInterno, codigo_ruta AS codigoRuta, address, meter_serial AS meter
       FROM subscribers ORDER BY codigo_ruta, codigo_interno`,
    );
  }

  list(query: string, after: string | undefined, limit: number): { rows: RouteSheetRow[]; more: boolean } {
    const from = after ?? '';
    const text = foldForSearch(query);
    if (text === '') {
      const rows = this.inOrder.all(from, limit + 1);
      return { rows: rows.slice(0, limit), more: rows.length > limit };
    }
    const codes: number[] = [];
    for (const row of this.searchRows()) {
      if (row.codigoRuta <= from || !row.text.includes(text)) continue;
      codes.push(row.codigoInterno);
      if (codes.length > limit) break;
    }
    const rows = codes.length === 0 ? [] : this.byCodes.all(JSON.stringify(codes.slice(0, limit)));
    return { rows, more: codes.length > limit };
  }

  /** The searchable list, read again when the replica changed (the sync cursor moves with each pull that applied rows). */
  private searchRows(): readonly Searchable[] {
    const version = `${this.deps.meta.get('syncCursor') ?? ''}|${this.deps.meta.get('lastPullAt') ?? ''}`;
    if (this.searchable?.version !== version) {
      const rows = this.allSearchable.all().map((r) => ({
        codigoInterno: r.codigoInterno,
        codigoRuta: r.codigoRuta,
        text: foldForSearch(`${r.codigoInterno} ${r.address} ${r.meter}`),
      }));
      this.searchable = { version, rows };
    }
    return this.searchable.rows;
  }

  subscriber(codigoInterno: number): Result<FieldSubscriber> {
    const subscriber = this.deps.bills.subscriber(codigoInterno);
    if (subscriber === undefined) return err('not-found', fieldMessages.notInRoutes(codigoInterno));
    const found = this.deps.bills.find({ codigoInterno });
    const bills = found.ok ? found.value.bills : [];
    const lastPullAt = this.deps.meta.get('lastPullAt');
    const now = this.deps.now();
    return ok({
      codigoInterno,
      codigoRuta: subscriber.codigoRuta,
      holderName: subscriber.holderName,
      address: subscriber.address,
      meterSerial: subscriber.meterSerial,
      cashRoundingStep: this.deps.cashRoundingStep,
      bills: bills.map((bill) => ({
        billNumber: bill.billNumber,
        period: bill.period,
        periodLabel: bill.periodLabel,
        total: bill.total,
        dueOn: bill.dueOn,
        state: bill.state,
        owed: bill.owed,
        warning: bill.warning === null ? null : (fieldMessages.settled[bill.warning.code] ?? bill.warning.message),
        paidElsewhereRisk: bill.owed ? paidElsewhereRisk(bill.dueOn, lastPullAt, now) : null,
      })),
    });
  }
}

/** Lower case, no accents, single spaces: «Cañas» finds «CANAS», «carrera  8» finds «Carrera 8». */
function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
