-- The change feed keeps each row as `json` (its text) instead of `jsonb`. A pull sends a row as
-- text; from `jsonb`, PostgreSQL printed it again for every device that asked for the page —
-- at 200 devices pulling 500-change pages at once, that printing was about 40 % of the
-- database's CPU for a page (docs/load-balancer.md). A `json` value is its text, copied out.
--
-- A payment's server-only columns (src-server/sync/feed-policy.ts, serverOnlyPaymentColumns:
-- who took it, on which device and session, when it was voided) were taken out of every page
-- as it was read; they are now left out once, when the row is written, so no device's page
-- needs the jsonb operators. A kiosk still gets its payments without their reference: the page
-- statement does that for kiosks only.
--
-- 1. The rows already written. This rewrites change_log once (on a 2.3-million-row feed, about
--    20 s on the 2-core test machine), holding its lock: upgrade outside office hours
--    (docs/running-the-server.md, "What runs once").
ALTER TABLE "change_log" ALTER COLUMN "row" SET DATA TYPE json USING (
  CASE WHEN table_name = 'payments' AND "row" IS NOT NULL
    THEN "row" - ARRAY['device_id', 'cash_session_id', 'cashier', 'voided_at']
    ELSE "row" END
)::json;
--> statement-breakpoint
-- 2. The triggers' writer: to_json(n), and for a table whose trigger names columns to leave out
--    (TG_ARGV[2], comma-separated), those removed. Nothing else changes from 0019.
CREATE OR REPLACE FUNCTION feed_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key_col text := TG_ARGV[0];
  scope_of text := TG_ARGV[1];
  row_json text := CASE WHEN TG_NARGS > 2
    THEN format('(to_jsonb(n) - %L::text[])::json', string_to_array(TG_ARGV[2], ','))
    ELSE 'to_json(n)' END;
  new_scope text;
  old_scope text;
BEGIN
  new_scope := CASE scope_of
    WHEN 'own' THEN 'n.codigo_ruta'
    WHEN 'subscriber' THEN '(SELECT s.codigo_ruta FROM subscribers s WHERE s.codigo_interno = n.codigo_interno)'
    ELSE 'NULL::text' END;
  old_scope := replace(new_scope, 'n.', 'o.');
  IF TG_OP = 'UPDATE' THEN
    EXECUTE format(
      'INSERT INTO change_log (table_name, row_key, op, scope, row)
       SELECT %L, m.k, ''del'', m.old_scope, NULL
       FROM (SELECT o.%I AS key, o.%I::text AS k, %s AS old_scope FROM old_rows o) m
       LEFT JOIN (SELECT n.%I AS key, %s AS new_scope FROM new_rows n) p ON p.key = m.key
       WHERE p.key IS NULL OR p.new_scope IS DISTINCT FROM m.old_scope
       ORDER BY m.key',
      TG_TABLE_NAME, key_col, key_col, old_scope, key_col, new_scope);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format(
      'INSERT INTO change_log (table_name, row_key, op, scope, row)
       SELECT %L, n.%I::text, ''put'', %s, %s FROM new_rows n ORDER BY n.%I',
      TG_TABLE_NAME, key_col, new_scope, row_json, key_col);
  END IF;
  IF TG_OP = 'DELETE' THEN
    EXECUTE format(
      'INSERT INTO change_log (table_name, row_key, op, scope, row)
       SELECT %L, o.%I::text, ''del'', %s, NULL FROM old_rows o ORDER BY o.%I',
      TG_TABLE_NAME, key_col, old_scope, key_col);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER payments_feed_ins ON payments;
--> statement-breakpoint
CREATE TRIGGER payments_feed_ins AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('id', 'subscriber', 'device_id,cash_session_id,cashier,voided_at');
--> statement-breakpoint
DROP TRIGGER payments_feed_upd ON payments;
--> statement-breakpoint
CREATE TRIGGER payments_feed_upd AFTER UPDATE ON payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('id', 'subscriber', 'device_id,cash_session_id,cashier,voided_at');
--> statement-breakpoint
-- 3. A subscriber moved to another route (0019): its bills and payments written again.
CREATE OR REPLACE FUNCTION feed_subscriber_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates of subscribers change a name or an address: leave at once.
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n USING (codigo_interno)
                 WHERE o.codigo_ruta IS DISTINCT FROM n.codigo_ruta) THEN
    RETURN NULL;
  END IF;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'bills', b.bill_number::text, 'del', o.codigo_ruta, NULL
    FROM old_rows o JOIN new_rows n USING (codigo_interno) JOIN bills b USING (codigo_interno)
    WHERE o.codigo_ruta IS DISTINCT FROM n.codigo_ruta ORDER BY b.bill_number;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'payments', p.id::text, 'del', o.codigo_ruta, NULL
    FROM old_rows o JOIN new_rows n USING (codigo_interno) JOIN payments p USING (codigo_interno)
    WHERE o.codigo_ruta IS DISTINCT FROM n.codigo_ruta ORDER BY p.id;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'bills', b.bill_number::text, 'put', n.codigo_ruta, to_json(b)
    FROM old_rows o JOIN new_rows n USING (codigo_interno) JOIN bills b USING (codigo_interno)
    WHERE o.codigo_ruta IS DISTINCT FROM n.codigo_ruta ORDER BY b.bill_number;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'payments', p.id::text, 'put', n.codigo_ruta,
      (to_jsonb(p) - ARRAY['device_id', 'cash_session_id', 'cashier', 'voided_at'])::json
    FROM old_rows o JOIN new_rows n USING (codigo_interno) JOIN payments p USING (codigo_interno)
    WHERE o.codigo_ruta IS DISTINCT FROM n.codigo_ruta ORDER BY p.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- 4. The loaders' writers (db/seed: batch-writer.ts for the batches it wrote with row triggers
--    skipped, loader.ts after a bulk load), the same way.
CREATE OR REPLACE FUNCTION feed_append_subscribers(codigos integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6216460984518001988);
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'subscribers', n.codigo_interno::text, 'put', n.codigo_ruta, to_json(n)
    FROM subscribers n WHERE n.codigo_interno = ANY (codigos) ORDER BY n.codigo_interno;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'bills', n.bill_number::text, 'put', s.codigo_ruta, to_json(n)
    FROM bills n JOIN subscribers s USING (codigo_interno) WHERE s.codigo_interno = ANY (codigos) ORDER BY n.bill_number;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'payments', n.id::text, 'put', s.codigo_ruta,
      (to_jsonb(n) - ARRAY['device_id', 'cash_session_id', 'cashier', 'voided_at'])::json
    FROM payments n JOIN subscribers s USING (codigo_interno) WHERE s.codigo_interno = ANY (codigos) ORDER BY n.id;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION feed_append_all() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6216460984518001988);
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'subscribers', n.codigo_interno::text, 'put', n.codigo_ruta, to_json(n) FROM subscribers n ORDER BY n.codigo_interno;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'bills', n.bill_number::text, 'put', s.codigo_ruta, to_json(n)
    FROM bills n JOIN subscribers s USING (codigo_interno) ORDER BY n.bill_number;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'payments', n.id::text, 'put', s.codigo_ruta,
      (to_jsonb(n) - ARRAY['device_id', 'cash_session_id', 'cashier', 'voided_at'])::json
    FROM payments n JOIN subscribers s USING (codigo_interno) ORDER BY n.id;
END
$$;
