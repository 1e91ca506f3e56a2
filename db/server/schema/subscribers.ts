import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** Suscriptores of the utility. `codigoInterno` is the number printed on every bill. */
export const subscribers = pgTable(
  'subscribers',
  {
    codigoInterno: integer('codigo_interno').primaryKey(),
    /** Reading route: ciclo-ruta-secuencia, e.g. `03-117-0452`. */
    codigoRuta: text('codigo_ruta').notNull(),
    holderName: text('holder_name').notNull(),
    estrato: smallint('estrato').notNull(),
    /** residencial, comercial, industrial, oficial. */
    uso: text('uso').notNull(),
    address: text('address').notNull(),
    neighborhood: text('neighborhood').notNull(),
    municipality: text('municipality').notNull(),
    meterSerial: text('meter_serial').notNull(),
  },
  (t) => [
    check('subscribers_estrato_check', sql`${t.estrato} between 1 and 6`),
    check('subscribers_uso_check', sql`${t.uso} in ('residencial', 'comercial', 'industrial', 'oficial')`),
    index('subscribers_ruta_idx').on(t.codigoRuta),
  ],
);
