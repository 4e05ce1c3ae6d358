-- Statements of an account (a county's general fund during a campaign has hundreds of thousands of
-- lines) must not sum every line before the period to find the opening balance, nor count every
-- line of the period to page through it. The lines are summed per account and Tehran calendar day
-- here, in the same statement as they are inserted (a statement-level trigger, like the
-- contribution figures), so opening and closing balances and line counts read a few hundred small
-- rows. Sharded by backend so that concurrent writers to one account (a province's central account
-- receives every gift of the province) do not all queue on one row. ledger:check verifies it equals
-- the lines. Derived data: no foreign keys, never updated by anything but the trigger.
CREATE TABLE ledger_day_total (
  account_id uuid NOT NULL,
  day date NOT NULL,                 -- the lines' occurred_at as a Tehran calendar day
  shard smallint NOT NULL,
  amount bigint NOT NULL,
  lines bigint NOT NULL,
  PRIMARY KEY (account_id, day, shard)
);
REVOKE DELETE, TRUNCATE ON ledger_day_total FROM mosharekat_app;

CREATE FUNCTION ledger_day_total_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_day_total AS t (account_id, day, shard, amount, lines)
  SELECT l.account_id, (l.occurred_at AT TIME ZONE 'Asia/Tehran')::date, (pg_backend_pid() % 8)::smallint, sum(l.amount), count(*)
    FROM new_lines l
   GROUP BY 1, 2
   ORDER BY 1, 2
  ON CONFLICT (account_id, day, shard) DO UPDATE SET amount = t.amount + EXCLUDED.amount, lines = t.lines + EXCLUDED.lines;
  RETURN NULL;
END $$;

CREATE TRIGGER ledger_day_total_on_line AFTER INSERT ON journal_line
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_total_apply();

INSERT INTO ledger_day_total (account_id, day, shard, amount, lines)
SELECT account_id, (occurred_at AT TIME ZONE 'Asia/Tehran')::date, 0, sum(amount), count(*)
  FROM journal_line
 GROUP BY 1, 2;
