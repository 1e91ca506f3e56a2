-- The change feed (DESIGN §2 "Sync protocol"; db/server/schema/sync.ts explains the design).
--
-- 1. Before a statement changes a replicated table, its transaction takes the feed lock
--    (a transaction-scoped advisory lock, "VENTFEED" read as ASCII). Writers to replicated
--    tables therefore commit one after another, and change_log.seq values are handed out in
--    commit order. Taking it BEFORE the statement, before any row lock, means two writers can
--    never hold a row lock each and wait for the other's feed lock.
-- 2. After the statement, one row per changed row goes into change_log with the row as it is
--    now (to_jsonb), or a `del` for rows that went away.
CREATE FUNCTION feed_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6216460984518001988);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- TG_ARGV[0]: the key column. TG_ARGV[1]: how to find the row's scope (its subscriber's
-- código de ruta): 'own' (the row has codigo_ruta), 'subscriber' (through codigo_interno) or
-- 'none' (entity-wide rows every device receives).
CREATE FUNCTION feed_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key_col text := TG_ARGV[0];
  scope_of text := TG_ARGV[1];
  new_scope text;
  old_scope text;
BEGIN
  new_scope := CASE scope_of
    WHEN 'own' THEN 'n.codigo_ruta'
    WHEN 'subscriber' THEN '(SELECT s.codigo_ruta FROM subscribers s WHERE s.codigo_interno = n.codigo_interno)'
    ELSE 'NULL::text' END;
  old_scope := replace(new_scope, 'n.', 'o.');
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format(
      'INSERT INTO change_log (table_name, row_key, op, scope, row)
       SELECT %L, n.%I::text, ''put'', %s, to_jsonb(n) FROM new_rows n ORDER BY n.%I',
      TG_TABLE_NAME, key_col, new_scope, key_col);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- A row whose key changed, or a subscriber that moved to another route: devices scoped
    -- to the old place must drop it.
    EXECUTE format(
      'INSERT INTO change_log (table_name, row_key, op, scope, row)
       SELECT %L, o.%I::text, ''del'', %s, NULL FROM old_rows o
       WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.%I = o.%I AND %s IS NOT DISTINCT FROM %s)
       ORDER BY o.%I',
      TG_TABLE_NAME, key_col, old_scope, key_col, key_col, new_scope, old_scope, key_col);
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
-- Appends the current rows of the given subscribers, with their bills and payments, to the
-- feed. Bulk loaders (db/seed) that skip triggers for speed call it for what they wrote, one
-- set-based statement per table instead of a trigger call per statement.
CREATE FUNCTION feed_append_subscribers(codigos integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6216460984518001988);
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'subscribers', n.codigo_interno::text, 'put', n.codigo_ruta, to_jsonb(n)
    FROM subscribers n WHERE n.codigo_interno = ANY (codigos) ORDER BY n.codigo_interno;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'bills', n.bill_number::text, 'put', s.codigo_ruta, to_jsonb(n)
    FROM bills n JOIN subscribers s USING (codigo_interno) WHERE s.codigo_interno = ANY (codigos) ORDER BY n.bill_number;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'payments', n.id::text, 'put', s.codigo_ruta, to_jsonb(n)
    FROM payments n JOIN subscribers s USING (codigo_interno) WHERE s.codigo_interno = ANY (codigos) ORDER BY n.id;
END
$$;
--> statement-breakpoint
-- The same for every subscriber (after a bulk load with the capture triggers disabled).
CREATE FUNCTION feed_append_all() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6216460984518001988);
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'subscribers', n.codigo_interno::text, 'put', n.codigo_ruta, to_jsonb(n) FROM subscribers n ORDER BY n.codigo_interno;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'bills', n.bill_number::text, 'put', s.codigo_ruta, to_jsonb(n)
    FROM bills n JOIN subscribers s USING (codigo_interno) ORDER BY n.bill_number;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'payments', n.id::text, 'put', s.codigo_ruta, to_jsonb(n)
    FROM payments n JOIN subscribers s USING (codigo_interno) ORDER BY n.id;
END
$$;
--> statement-breakpoint
CREATE TRIGGER subscribers_feed_lock BEFORE INSERT OR UPDATE OR DELETE ON subscribers FOR EACH STATEMENT EXECUTE FUNCTION feed_lock();
--> statement-breakpoint
CREATE TRIGGER subscribers_feed_ins AFTER INSERT ON subscribers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('codigo_interno', 'own');
--> statement-breakpoint
CREATE TRIGGER subscribers_feed_upd AFTER UPDATE ON subscribers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('codigo_interno', 'own');
--> statement-breakpoint
CREATE TRIGGER subscribers_feed_del AFTER DELETE ON subscribers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('codigo_interno', 'own');
--> statement-breakpoint
CREATE TRIGGER bills_feed_lock BEFORE INSERT OR UPDATE OR DELETE ON bills FOR EACH STATEMENT EXECUTE FUNCTION feed_lock();
--> statement-breakpoint
CREATE TRIGGER bills_feed_ins AFTER INSERT ON bills REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('bill_number', 'subscriber');
--> statement-breakpoint
CREATE TRIGGER bills_feed_upd AFTER UPDATE ON bills REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('bill_number', 'subscriber');
--> statement-breakpoint
CREATE TRIGGER bills_feed_del AFTER DELETE ON bills REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('bill_number', 'subscriber');
--> statement-breakpoint
CREATE TRIGGER payments_feed_lock BEFORE INSERT OR UPDATE OR DELETE ON payments FOR EACH STATEMENT EXECUTE FUNCTION feed_lock();
--> statement-breakpoint
CREATE TRIGGER payments_feed_ins AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('id', 'subscriber');
--> statement-breakpoint
CREATE TRIGGER payments_feed_upd AFTER UPDATE ON payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('id', 'subscriber');
--> statement-breakpoint
CREATE TRIGGER payments_feed_del AFTER DELETE ON payments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('id', 'subscriber');
--> statement-breakpoint
CREATE TRIGGER staff_users_feed_lock BEFORE INSERT OR UPDATE OR DELETE ON staff_users FOR EACH STATEMENT EXECUTE FUNCTION feed_lock();
--> statement-breakpoint
CREATE TRIGGER staff_users_feed_ins AFTER INSERT ON staff_users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('id', 'none');
--> statement-breakpoint
CREATE TRIGGER staff_users_feed_upd AFTER UPDATE ON staff_users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('id', 'none');
--> statement-breakpoint
CREATE TRIGGER staff_users_feed_del AFTER DELETE ON staff_users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('id', 'none');
--> statement-breakpoint
CREATE TRIGGER settings_feed_lock BEFORE INSERT OR UPDATE OR DELETE ON settings FOR EACH STATEMENT EXECUTE FUNCTION feed_lock();
--> statement-breakpoint
CREATE TRIGGER settings_feed_ins AFTER INSERT ON settings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('key', 'none');
--> statement-breakpoint
CREATE TRIGGER settings_feed_upd AFTER UPDATE ON settings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('key', 'none');
--> statement-breakpoint
CREATE TRIGGER settings_feed_del AFTER DELETE ON settings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_capture('key', 'none');
--> statement-breakpoint
-- Rows that existed before the feed: every device's first pull must see them.
SELECT feed_append_all();
--> statement-breakpoint
INSERT INTO change_log (table_name, row_key, op, scope, row) SELECT 'staff_users', n.id::text, 'put', NULL, to_jsonb(n) FROM staff_users n ORDER BY n.id;
--> statement-breakpoint
INSERT INTO change_log (table_name, row_key, op, scope, row) SELECT 'settings', n.key, 'put', NULL, to_jsonb(n) FROM settings n ORDER BY n.key;
