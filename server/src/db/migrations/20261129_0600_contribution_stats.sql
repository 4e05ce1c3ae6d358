-- Incrementally maintained contribution figures for dashboards and reports: national, provincial
-- and county totals by Jalali month, fund kind, purpose and channel answer from this small table
-- instead of scanning millions of gifts. Each gift counts at its unit and at every unit above it
-- (so a national dashboard reads HQ's rows only). Maintained by statement-level triggers in the
-- same transaction as the gifts (so it always equals them; ledger:check verifies), and sharded so
-- that concurrent gifts in one month do not all queue on HQ's row.
CREATE TABLE contribution_stats (
  unit_id uuid NOT NULL REFERENCES org_unit (id),   -- the unit whose subtree the row sums
  fiscal_year smallint NOT NULL,
  fiscal_month smallint NOT NULL,
  fund_kind text NOT NULL,
  purpose_code text NOT NULL,
  channel text NOT NULL,
  shard smallint NOT NULL,
  gifts bigint NOT NULL DEFAULT 0,          -- net of reversals
  total_rials bigint NOT NULL DEFAULT 0,    -- net of reversals
  PRIMARY KEY (unit_id, fiscal_year, fiscal_month, fund_kind, purpose_code, channel, shard)
);
CREATE INDEX contribution_stats_year_idx ON contribution_stats (fiscal_year, fiscal_month);
REVOKE DELETE, TRUNCATE ON contribution_stats FROM mosharekat_app;

CREATE FUNCTION contribution_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'contribution' THEN
    INSERT INTO contribution_stats AS s (unit_id, fiscal_year, fiscal_month, fund_kind, purpose_code, channel, shard, gifts, total_rials)
    SELECT a.unit_id, c.fiscal_year, c.fiscal_month, f.kind, f.purpose_code, c.channel, (pg_backend_pid() % 8)::smallint, count(*), sum(c.amount_rials)
      FROM new_rows c JOIN fund f ON f.id = c.fund_id
      JOIN org_unit u ON u.id = c.unit_id CROSS JOIN LATERAL unnest(u.path) AS a(unit_id)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (unit_id, fiscal_year, fiscal_month, fund_kind, purpose_code, channel, shard)
    DO UPDATE SET gifts = s.gifts + EXCLUDED.gifts, total_rials = s.total_rials + EXCLUDED.total_rials;
  ELSE
    -- a reversal takes the gift out of the month it was counted in
    INSERT INTO contribution_stats AS s (unit_id, fiscal_year, fiscal_month, fund_kind, purpose_code, channel, shard, gifts, total_rials)
    SELECT a.unit_id, c.fiscal_year, c.fiscal_month, f.kind, f.purpose_code, c.channel, (pg_backend_pid() % 8)::smallint, -count(*), -sum(c.amount_rials)
      FROM new_rows r JOIN contribution c ON c.id = r.contribution_id JOIN fund f ON f.id = c.fund_id
      JOIN org_unit u ON u.id = c.unit_id CROSS JOIN LATERAL unnest(u.path) AS a(unit_id)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (unit_id, fiscal_year, fiscal_month, fund_kind, purpose_code, channel, shard)
    DO UPDATE SET gifts = s.gifts + EXCLUDED.gifts, total_rials = s.total_rials + EXCLUDED.total_rials;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER contribution_stats_on_gift AFTER INSERT ON contribution
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contribution_stats_apply();
CREATE TRIGGER contribution_stats_on_reversal AFTER INSERT ON contribution_reversal
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contribution_stats_apply();

-- Recomputes the figures from the gifts: after this migration (for gifts that already exist) and
-- when a unit moves to another parent (its gifts then count under the new ancestors).
CREATE FUNCTION contribution_stats_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  LOCK TABLE contribution_stats IN EXCLUSIVE MODE;
  DELETE FROM contribution_stats;
  INSERT INTO contribution_stats (unit_id, fiscal_year, fiscal_month, fund_kind, purpose_code, channel, shard, gifts, total_rials)
  SELECT a.unit_id, c.fiscal_year, c.fiscal_month, f.kind, f.purpose_code, c.channel, 0,
         count(*) - count(r.contribution_id), sum(c.amount_rials) - coalesce(sum(c.amount_rials) FILTER (WHERE r.contribution_id IS NOT NULL), 0)
    FROM contribution c JOIN fund f ON f.id = c.fund_id
    JOIN org_unit u ON u.id = c.unit_id CROSS JOIN LATERAL unnest(u.path) AS a(unit_id)
    LEFT JOIN contribution_reversal r ON r.contribution_id = c.id
   GROUP BY 1, 2, 3, 4, 5, 6;
END $$;
SELECT contribution_stats_rebuild();

-- Settlement / bank files of gifts imported in bulk, with their progress and per-row errors.
CREATE TABLE contribution_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES org_unit (id),          -- the unit importing (scope of the rows)
  channel text NOT NULL,
  file_name text,
  file_sha256 bytea NOT NULL,
  dry_run boolean NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  rows_total bigint NOT NULL DEFAULT 0,
  rows_imported bigint NOT NULL DEFAULT 0,
  rows_duplicate bigint NOT NULL DEFAULT 0,
  rows_invalid bigint NOT NULL DEFAULT 0,
  total_rials bigint NOT NULL DEFAULT 0,
  error text,
  created_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE contribution_import_error (
  import_id uuid NOT NULL REFERENCES contribution_import (id),
  row_no bigint NOT NULL,
  field text NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (import_id, row_no, field)
);

-- Applies summed balance deltas of many journals at once (bulk import), in (account, fund) order.
CREATE FUNCTION ledger_apply_deltas(p_accounts uuid[], p_funds uuid[], p_amounts bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  FOR d IN
    SELECT l.a, l.f, sum(l.m)::bigint AS m, la.kind
      FROM unnest(p_accounts, p_funds, p_amounts) AS l(a, f, m) JOIN ledger_account la ON la.id = l.a
     GROUP BY l.a, l.f, la.kind HAVING sum(l.m) <> 0 ORDER BY l.a, l.f
  LOOP
    INSERT INTO ledger_balance (account_id, fund_id, kind, amount) VALUES (d.a, d.f, d.kind, 0) ON CONFLICT DO NOTHING;
    UPDATE ledger_balance SET amount = amount + d.m, updated_at = now() WHERE account_id = d.a AND fund_id = d.f;
  END LOOP;
END $$;
