-- Several server instances on one PostgreSQL (docs/running-the-server.md, «Varias instancias»).
-- A device long-polls one instance; the change it waits for may be committed through another
-- instance, the seed command or `npm run admin` opened on the database directly. Each instance
-- LISTENs on `ventanilla_feed` (src-server/sync/pg-feed-listener.ts); these triggers NOTIFY it
-- from the writer's own transaction, so the notification is delivered when, and only if, the
-- change commits, whoever wrote it. PostgreSQL folds the same channel and payload sent twice in
-- one transaction into one notification: a push of 500 events is one wake per instance.
--
-- Payloads: `feed` (change_log grew; each instance reads the newest seq and wakes the polls it
-- passed) and `routes` (a field device's routes changed, which moves no seq; every poll
-- answers with its routes read again).
CREATE FUNCTION feed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ventanilla_feed', TG_ARGV[0]);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Per statement, without a transition table: a bulk load of a million feed rows costs one call.
CREATE TRIGGER change_log_notify AFTER INSERT ON change_log FOR EACH STATEMENT EXECUTE FUNCTION feed_notify('feed');
--> statement-breakpoint
-- The seed's bulk batches skip row triggers (`session_replication_role = replica`) and append
-- to the feed themselves (feed_append_subscribers); ALWAYS makes this one fire for them too.
ALTER TABLE change_log ENABLE ALWAYS TRIGGER change_log_notify;
--> statement-breakpoint
CREATE TRIGGER device_routes_notify AFTER INSERT OR UPDATE OR DELETE ON device_routes FOR EACH STATEMENT EXECUTE FUNCTION feed_notify('routes');
