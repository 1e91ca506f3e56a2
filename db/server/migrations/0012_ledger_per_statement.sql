-- The ledger's rules run once per statement instead of once per entry (docs/ledger.md).
--
-- Until now a BEFORE ROW trigger moved the account's balance for each entry and two deferred
-- constraint triggers re-read each transfer's entries at commit: a bank file of 100,000 payments
-- paid 300,000 trigger calls and updated the bank's clearing row 100,000 times in one
-- transaction. Now a transfer and all of its entries are written by ONE statement, the writer
-- states each entry's balance_after (it locks the accounts first, in id order), and AFTER ...
-- FOR EACH STATEMENT triggers check the whole statement at once against its transition tables
-- and move each account's balance once. The rules themselves are unchanged and still held by the
-- database, whatever code writes:
--
--   a. every transfer has two entries or more, all written in one statement, summing to zero;
--   b. each entry's balance_after is its account's balance before the statement plus the
--      account's entries of the statement up to it, in id order — and the account's previous
--      entry ends at that balance, so the chain of every kardex is whole;
--   c. no wallet (no account that may not go negative) is below zero after any entry;
--   d. the balance of each account moves by the sum of its entries, and by nothing else.

DROP TRIGGER ledger_entries_apply ON ledger_entries;
--> statement-breakpoint
DROP TRIGGER ledger_entries_balanced ON ledger_entries;
--> statement-breakpoint
DROP TRIGGER ledger_transfers_balanced ON ledger_transfers;
--> statement-breakpoint
DROP FUNCTION ledger_entry_apply();
--> statement-breakpoint
DROP FUNCTION ledger_entry_balanced();
--> statement-breakpoint
DROP FUNCTION ledger_transfer_balanced();
--> statement-breakpoint
DROP FUNCTION ledger_check_transfer(uuid);
--> statement-breakpoint
CREATE FUNCTION ledger_entries_post() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  -- The accounts, locked in id order (a writer has locked them already: then this waits for nothing).
  PERFORM 1 FROM ledger_accounts a WHERE a.id IN (SELECT account_id FROM new_entries) ORDER BY a.id FOR UPDATE;

  -- a. Whole, balanced transfers.
  SELECT n.transfer_id, n.legs, n.total INTO bad
  FROM (SELECT transfer_id, count(*) AS legs, sum(amount) AS total FROM new_entries GROUP BY transfer_id) n
  WHERE n.legs < 2 OR n.total <> 0
     OR (SELECT count(*) FROM ledger_entries e WHERE e.transfer_id = n.transfer_id) <> n.legs
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'la transferencia % no cuadra: % asientos en la sentencia que suman % (todos los asientos de una transferencia van en una sola sentencia)',
      bad.transfer_id, bad.legs, bad.total
      USING ERRCODE = 'check_violation';
  END IF;

  -- c. and b. Each entry's running balance, from the account's balance before this statement.
  SELECT r.id, r.account_id, r.balance_after, r.expected, (NOT r.may_go_negative AND r.expected < 0) AS overdrawn
  INTO bad
  FROM (SELECT e.id, e.account_id, e.balance_after, a.may_go_negative,
               a.balance + sum(e.amount) OVER (PARTITION BY e.account_id ORDER BY e.id) AS expected
        FROM new_entries e JOIN ledger_accounts a ON a.id = e.account_id) r
  WHERE (NOT r.may_go_negative AND r.expected < 0) OR r.balance_after IS DISTINCT FROM r.expected
  ORDER BY 5 DESC, r.id
  LIMIT 1;
  IF FOUND AND bad.overdrawn THEN
    RAISE EXCEPTION 'la cuenta % quedaría en %: el saldo no alcanza', bad.account_id, bad.expected
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_accounts_balance_check';
  ELSIF FOUND THEN
    RAISE EXCEPTION 'el asiento % de la cuenta % dice saldo %, pero el saldo es %', bad.id, bad.account_id,
      bad.balance_after, bad.expected
      USING ERRCODE = 'check_violation';
  END IF;

  SELECT a.id INTO bad
  FROM (SELECT account_id, min(id) AS first_id FROM new_entries GROUP BY account_id) f
  JOIN ledger_accounts a ON a.id = f.account_id
  WHERE a.balance <> coalesce((SELECT p.balance_after FROM ledger_entries p
                               WHERE p.account_id = f.account_id AND p.id < f.first_id
                               ORDER BY p.id DESC LIMIT 1), 0)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'los asientos de la cuenta % no siguen a su último asiento: se escribieron fuera de orden', bad.id
      USING ERRCODE = 'check_violation';
  END IF;

  -- d. Each account's balance moves once, by the sum of its entries.
  UPDATE ledger_accounts a SET balance = a.balance + d.delta
  FROM (SELECT account_id, sum(amount) AS delta FROM new_entries GROUP BY account_id) d
  WHERE a.id = d.account_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_post AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_post();
--> statement-breakpoint
-- a. (the other half) A transfer is written with its entries: one left without any is refused.
CREATE FUNCTION ledger_transfers_post() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad uuid;
BEGIN
  SELECT t.id INTO bad FROM new_transfers t
  WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.transfer_id = t.id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'la transferencia % no cuadra: no tiene asientos (una transferencia y sus asientos van en una sola sentencia)', bad
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_post AFTER INSERT ON ledger_transfers
  REFERENCING NEW TABLE AS new_transfers FOR EACH STATEMENT EXECUTE FUNCTION ledger_transfers_post();
