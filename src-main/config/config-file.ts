import { z } from 'zod';
import { cashRoundingSteps, defaultCashRoundingStep, isCashRoundingStep } from '../../src-shared/cashier/cash-rounding';
import { deviceModes } from '../../src-shared/domain/device-mode';
import { kioskDevices } from '../../src-shared/kiosk/out-of-service';
import { receiptPrinterTypes } from '../devices/receipt-printer/receipt-profile';
import { parseReceiptPrinterAddress } from '../devices/receipt-printer/receipt-printer-address';

/**
 * The documented config file (`ventanilla.json` in the data dir, or the path in
 * VENTANILLA_CONFIG). Everything has a default so a fresh install starts with none.
 */
export const ConfigFile = z
  .object({
    device: z
      .object({
        /**
         * What this device is meant to be. The central server decides (the enrollment code
         * names the mode); when set here and the server says otherwise, the app refuses to
         * start rather than run as something it was not enrolled as. Unset: what the server says.
         */
        mode: z.enum(deviceModes).optional(),
        name: z.string().min(1).max(80).default('Kiosco de demostración'),
        /**
         * Seconds between heartbeats when nothing changes (docs/device-report.md); a change is
         * reported at once whatever this says. The server's answer may ask for more often.
         */
        reportEverySeconds: z.number().int().min(10).max(3600).optional(),
      })
      .strict()
      .default({ name: 'Kiosco de demostración' }),
    entity: z
      .object({
        name: z.string().min(1).max(120).default('Empresa Ibaguereña de Acueducto y Alcantarillado (demostración)'),
        /** NIT without its check digit; the digit is computed. */
        nit: z
          .string()
          .regex(/^\d{6,15}$/)
          .default('800089809'),
        city: z.string().min(1).max(60).default('Ibagué, Tolima'),
      })
      .strict()
      .default({
        name: 'Empresa Ibaguereña de Acueducto y Alcantarillado (demostración)',
        nit: '800089809',
        city: 'Ibagué, Tolima',
      }),
    kiosk: z
      .object({
        idleSeconds: z.number().int().min(5).max(3600).default(90),
        warningSeconds: z.number().int().min(3).max(120).default(20),
        /**
         * Days from a bill's issue to the citizen's door: the validation questions are about the
         * last bill issued at least this long ago (the one the citizen can hold), never one still
         * on its way. A monthly bill delivered a few days after issue: 5.
         */
        billDeliveryDays: z.number().int().min(0).max(30).default(5),
        /**
         * The devices without which this kiosk cannot serve (docs/kiosk-lockdown.md): while one is
         * down (out of paper, open, jammed, offline, not installed) the start screen gives way to
         * «Este punto no está disponible en este momento». Empty: the kiosk never closes itself.
         */
        requiredDevices: z
          .array(z.enum(kioskDevices))
          .max(kioskDevices.length)
          .refine((devices) => new Set(devices).size === devices.length, { error: 'cada equipo una sola vez' })
          .default([]),
      })
      .strict()
      .default({ idleSeconds: 90, warningSeconds: 20, billDeliveryDays: 5, requiredDevices: [] }),
    printers: z
      .object({
        /**
         * ESC/POS receipt printer: `tcp://host:9100`, `printer:QUEUE_NAME`, or a device path for a
         * portable (Bluetooth) printer: `serial:///dev/rfcomm0`, `/dev/rfcomm0`, `COM5`.
         */
        receipt: z
          .string()
          .min(1)
          .refine((text) => parseReceiptPrinterAddress(text) !== null, {
            error: 'use tcp://equipo:9100, printer:NOMBRE_DE_LA_COLA, serial:///dev/rfcomm0 (Linux) o COM5 (Windows)',
          })
          .nullable()
          .default(null),
        /** Command set of the receipt printer: EPSON ESC/POS or STAR line mode. */
        receiptType: z.enum(receiptPrinterTypes).default('epson'),
        /** Roll width in millimetres: 80 (48 characters a line) or 58, portable printers (32). */
        receiptPaper: z
          .union([z.literal(80), z.literal(58)], { error: 'use 80 o 58 (milímetros de ancho del rollo)' })
          .default(80),
        /** CUPS queue name of the document printer. */
        document: z.string().min(1).nullable().default(null),
      })
      .strict()
      .default({ receipt: null, receiptType: 'epson', receiptPaper: 80, document: null }),
    /**
     * The kiosk's certificate dispenser (docs/certificates-kiosk.md): the simulator for the demo and
     * tests, or a CUPS queue (a queue name or an ipp:// URI). `script` makes the simulator's
     * dispenses end in turn as listed (`ok`, `jam`, `no-answer`), for demonstrations of a refund.
     */
    dispenser: z
      .discriminatedUnion('kind', [
        z
          .object({
            kind: z.literal('simulated'),
            sheets: z.number().int().min(0).max(10_000).default(50),
            script: z
              .array(z.enum(['ok', 'jam', 'no-answer']))
              .max(50)
              .default([]),
          })
          .strict(),
        z
          .object({
            kind: z.literal('cups'),
            /** A CUPS queue on this machine or an ipp:// (ipps://) printer URI (docs/dispenser.md). */
            target: z.string().min(1).max(300),
            pollMs: z.number().int().min(50).max(60_000).optional(),
            answerTimeoutMs: z.number().int().min(1_000).max(3_600_000).optional(),
            requestTimeoutMs: z.number().int().min(500).max(120_000).optional(),
            submitTimeoutMs: z.number().int().min(1_000).max(600_000).optional(),
          })
          .strict(),
      ])
      .default({ kind: 'simulated', sheets: 50, script: [] }),
    cashier: z
      .object({
        /** Largest arqueo difference (pesos, either way) a cashier may close with; beyond it a supervisor approves. */
        closeTolerance: z.number().int().min(0).max(1_000_000).default(2000),
        /** Refuse a scanned bill barcode after its due date (the bank convenio's rule); by default the counter accepts it with a warning. */
        refuseExpiredBarcodes: z.boolean().default(false),
        /**
         * Cash change is rounded up to this many pesos, the smallest coin the counter hands over
         * (src-shared/cashier/cash-rounding.ts): 1 (to the peso), 50, 100, 200, 500 or 1000.
         */
        cashRoundingStep: z
          .number()
          .int()
          .refine(isCashRoundingStep, { error: `use uno de ${cashRoundingSteps.join(', ')}` })
          .default(defaultCashRoundingStep),
      })
      .strict()
      .default({ closeTolerance: 2000, refuseExpiredBarcodes: false, cashRoundingStep: defaultCashRoundingStep }),
    documents: z
      .object({
        /**
         * Largest document (a bill's PDF, a Z report) handed to the screen, in bytes. Checked
         * before the page reads it (docs/architecture.md, "Documents").
         */
        maxBytes: z.number().int().min(65_536).max(104_857_600).default(10_485_760),
      })
      .strict()
      .default({ maxBytes: 10_485_760 }),
    attachments: z
      .object({
        /** Largest file a citizen attaches (support tickets), in bytes; refused before it is read whole. */
        maxBytes: z.number().int().min(65_536).max(52_428_800).default(5_242_880),
        /** Files per ticket or message. */
        maxCount: z.number().int().min(1).max(20).default(5),
      })
      .strict()
      .default({ maxBytes: 5_242_880, maxCount: 5 }),
    server: z
      .object({
        /** Port of the embedded central server when no VENTANILLA_SERVER_URL is given. */
        embeddedPort: z.number().int().min(0).max(65535).default(5181),
        /** Subscribers the embedded server's demo data gets on first start. */
        demoSubscribers: z.number().int().min(0).max(1_000_000).default(2000),
      })
      .strict()
      .default({ embeddedPort: 5181, demoSubscribers: 2000 }),
    /**
     * The device's log files under `<data dir>/logs` (docs/operations.md, "Logs and diagnostics"):
     * `files` files of at most `fileBytes` each, the oldest deleted; «Enviar diagnóstico» sends
     * at most the last `diagnosticBytes` of them.
     */
    logs: z
      .object({
        fileBytes: z.number().int().min(262_144).max(104_857_600).default(2_097_152),
        files: z.number().int().min(2).max(50).default(5),
        diagnosticBytes: z.number().int().min(65_536).max(4_194_304).default(2_097_152),
      })
      .strict()
      .default({ fileBytes: 2_097_152, files: 5, diagnosticBytes: 2_097_152 }),
  })
  .strict();

export type ConfigFile = z.output<typeof ConfigFile>;
