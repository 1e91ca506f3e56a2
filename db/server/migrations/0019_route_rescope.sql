-- Route assignment for field devices (docs/field-routes.md).
--
-- 1. A field device enrolled with a route-shaped scope (`03` or `03-117`) keeps that route,
--    now as a row of device_routes, with its audit row. A scope of one subscriber
--    (`03-117-0452`) or an office name is not a route: such a device holds no route until a
--    supervisor assigns one (least personal data).
INSERT INTO device_routes (device_id, route_code, assigned_at, assigned_by)
  SELECT id, scope, created_at, 'migración' FROM devices
  WHERE mode = 'field' AND scope ~ '^[0-9]{2}(-[0-9]{3})?$';
--> statement-breakpoint
INSERT INTO device_route_changes (device_id, route_code, action, by, at)
  SELECT device_id, route_code, 'assign', assigned_by, assigned_at FROM device_routes ORDER BY device_id;
--> statement-breakpoint
-- 2. A subscriber moved to another route (codigo_ruta updated): feed_capture already sends
--    the subscriber's own row as a `del` under the old route and a `put` under the new one,
--    but its bills and payments keep their old scope in the feed. This trigger sends each of
--    them again: a `del` under the old route (the old route's laptop drops it) and then a `put`
--    under the new one (the new route's laptop receives it). Named to fire after
--    subscribers_feed_upd (triggers of one event fire in name order), so the subscriber's row
--    arrives before its bills. The feed lock is already held (subscribers_feed_lock).
CREATE FUNCTION feed_subscriber_moved() RETURNS trigger LANGUAGE plpgsql AS $$
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
    SELECT 'bills', b.bill_number::text, 'put', n.codigo_ruta, to_jsonb(b)
    FROM old_rows o JOIN new_rows n USING (codigo_interno) JOIN bills b USING (codigo_interno)
    WHERE o.codigo_ruta IS DISTINCT FROM n.codigo_ruta ORDER BY b.bill_number;
  INSERT INTO change_log (table_name, row_key, op, scope, row)
    SELECT 'payments', p.id::text, 'put', n.codigo_ruta, to_jsonb(p)
    FROM old_rows o JOIN new_rows n USING (codigo_interno) JOIN payments p USING (codigo_interno)
    WHERE o.codigo_ruta IS DISTINCT FROM n.codigo_ruta ORDER BY p.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER subscribers_feed_upd_moved AFTER UPDATE ON subscribers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feed_subscriber_moved();
--> statement-breakpoint
-- 3. feed_capture (0003) wrote an UPDATE's `put`s before its `del`s. For a row that moved to
--    another route, a device that sees both scopes (a counter, or a laptop holding both
--    routes) applied the `put` and then the `del`, and lost the row. The `del`s now come
--    first; nothing else changes.
CREATE OR REPLACE FUNCTION feed_capture() RETURNS trigger LANGUAGE plpgsql AS $$
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
       SELECT %L, n.%I::text, ''put'', %s, to_jsonb(n) FROM new_rows n ORDER BY n.%I',
      TG_TABLE_NAME, key_col, new_scope, key_col);
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
