import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { modelDocuments, queuePrinting } from '../../src-main/bills/bill-output-wiring';
import { renderBillPdf } from '../../src-main/documents/bill-pdf';
import { answersFor } from '../../tests/support/bill-answers';
import { billsHarness } from '../../tests/support/bills-service-harness';
import { ReplicaFacts } from '../../tests/support/replica-facts';
import { openReplicaStore, replicaNow } from '../../tests/support/replica-store';
import { tempDir } from '../../tests/support/temp-dir';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `bills`: the kiosk's bill functions on a large utility's replica (default 1,000,000
 * subscribers with their last 6 bills and payments, in a real SQLite file), beside the raw
 * limits measured in the same run:
 *
 * - `bills.lookup_p99_ms`: `BillsService.current` for a validated code (subscriber, six valid
 *   bills, the views) beside `bills.raw_lookup_p99_ms`: the same two rows read with bare
 *   prepared statements.
 * - `bills.questions_p99_ms`: `bills.startValidation` (lookup, lockout check, the bill in hand,
 *   the bills of its peers, three questions), once the peer directory is built.
 * - `bills.peer_directory_ms`: building that directory (every subscriber read once in código
 *   order and dealt into blocks), which a kiosk does in the background at start-up.
 * - `bills.pdf_p50_ms` / `bills.pdf_p99_ms`: `bills.pdf` (document model, pdf-lib, the bytes)
 *   beside `bills.raw_pdf_p50_ms`: pdf-lib saving a letter page with one line of text.
 * - `bills.code_to_pdf_p99_ms`: código interno entered → questions → answers → PDF bytes.
 *
 * Options: --subscribers N (1000000), --samples N (lookups, 5000), --pdf-samples N (300).
 */
export const name = 'bills';

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: { subscribers: { type: 'string' }, samples: { type: 'string' }, 'pdf-samples': { type: 'string' } },
  });
  const subscribers = countOption(values, 'subscribers', 1_000_000);
  const samples = countOption(values, 'samples', 5000);
  const pdfSamples = countOption(values, 'pdf-samples', 300);

  const dir = tempDir('bench-bills');
  try {
    ctx.log(`réplica local con ${subscribers.toLocaleString('es-CO')} suscriptores y 6 facturas cada uno…`);
    const fillStarted = performance.now();
    const store = await openReplicaStore(dir.path, {
      subscribers,
      onProgress: (done) => {
        if (done % 200_000 === 0) ctx.log(`  ${done.toLocaleString('es-CO')} suscriptores`);
      },
    });
    ctx.log(`réplica lista en ${((performance.now() - fillStarted) / 1000).toFixed(0)} s`);
    try {
      const facts = new ReplicaFacts(store.sqlite);
      const h = billsHarness(store, () => replicaNow, {
        documents: modelDocuments(renderBillPdf),
        printing: queuePrinting({ document: null, receipt: null }),
      });
      const codes = facts.codes();
      // A different subscriber each time, spread over the whole table: no warm row is reused.
      let next = 0x9e3779b9;
      const randomCode = (): number => {
        next = (Math.imul(next, 1_103_515_245) + 12_345) >>> 0;
        return codes[next % codes.length] ?? 0;
      };

      // What the citizen holds, read before any timing starts: the bench times the kiosk, not the fixture.
      const validate = (code: number, held = facts.heldBill(code, replicaNow)): string => {
        const started = h.access.startValidation({ codigoInterno: code });
        if (!started.ok) throw new Error(started.error.message);
        const answered = h.access.answerValidation({
          challengeId: started.value.challengeId,
          answers: answersFor(started.value.questions, held),
        });
        if (!answered.ok || !answered.value.passed) throw new Error(`validation failed for ${code}`);
        return answered.value.accessId;
      };
      const unwrap = async <T>(
        result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
      ): Promise<T> => {
        const settled = await result;
        if (!settled.ok) throw new Error(settled.error.message);
        return settled.value;
      };

      ctx.log('directorio de suscriptores para las preguntas…');
      const directoryStarted = performance.now();
      await h.access.warmUp();
      const directoryMs = performance.now() - directoryStarted;

      ctx.log(`${samples} consultas de la factura actual…`);
      const rawSubscriber = store.sqlite.prepare('SELECT * FROM subscribers WHERE codigo_interno = ?');
      const rawBills = store.sqlite.prepare(
        "SELECT * FROM bills WHERE codigo_interno = ? AND state <> 'anulada' ORDER BY period DESC, bill_number DESC LIMIT 6",
      );
      const raw = new Latencies();
      const lookup = new Latencies();
      const questions = new Latencies();
      for (let i = 0; i < samples; i += 1) {
        // A citizen's first read of a code is cold: the questions are the first thing asked.
        const started = questions.time(() => h.access.startValidation({ codigoInterno: randomCode() }));
        if (!started.ok) throw new Error(started.error.message);
        // By the bill screen the validation has read the same rows; raw and service alike.
        const code = randomCode();
        const accessId = validate(code);
        raw.time(() => {
          rawSubscriber.get(code);
          rawBills.all(code);
        });
        await lookup.timeAsync(() => unwrap(h.bills.current({ accessId })));
        h.access.endSession();
      }

      ctx.log(`${pdfSamples} PDF de facturas…`);
      const pdf = new Latencies();
      const codeToPdf = new Latencies();
      const rawPdf = new Latencies();
      for (let i = 0; i < pdfSamples; i += 1) {
        const accessId = validate(randomCode());
        const current = await unwrap(h.bills.current({ accessId }));
        await pdf.timeAsync(() => unwrap(h.bills.pdf({ accessId, billNumber: current.bill.billNumber })));
        h.access.endSession();
        const code = randomCode();
        const held = facts.heldBill(code, replicaNow);
        await codeToPdf.timeAsync(async () => {
          const id = validate(code, held);
          const bill = await unwrap(h.bills.current({ accessId: id }));
          return unwrap(h.bills.pdf({ accessId: id, billNumber: bill.bill.billNumber }));
        });
        h.access.endSession();
        await rawPdf.timeAsync(async () => {
          const doc = await PDFDocument.create();
          const font = await doc.embedFont(StandardFonts.Helvetica);
          doc.addPage([612, 792]).drawText('Factura', { x: 72, y: 720, size: 12, font });
          return doc.save();
        });
      }

      return {
        'bills.subscribers': subscribers,
        'bills.lookup_p99_ms': lookup.percentile(99),
        'bills.raw_lookup_p99_ms': raw.percentile(99),
        'bills.questions_p99_ms': questions.percentile(99),
        'bills.peer_directory_ms': directoryMs,
        'bills.pdf_p50_ms': pdf.percentile(50),
        'bills.pdf_p99_ms': pdf.percentile(99),
        'bills.raw_pdf_p50_ms': rawPdf.percentile(50),
        'bills.code_to_pdf_p99_ms': codeToPdf.percentile(99),
      };
    } finally {
      store.close();
    }
  } finally {
    dir.remove();
  }
}
