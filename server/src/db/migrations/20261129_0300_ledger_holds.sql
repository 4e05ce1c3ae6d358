-- Holds: money reserved for approved, not yet paid spending (TigerBeetle's pending transfers). A
-- hold raises `held` on the fund's balance row and on the custody row that will pay, so two approved
-- requests can never count on the same rials. Holds and their ends are append-only rows.
CREATE TABLE ledger_hold (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fund_id uuid NOT NULL REFERENCES fund (id),
  custody_account_id uuid NOT NULL REFERENCES custody_account (id),
  amount bigint NOT NULL CHECK (amount > 0),
  reference text NOT NULL,                 -- what it is for, e.g. 'spending_request:<id>'
  expires_at timestamptz,
  created_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_hold_fund_idx ON ledger_hold (fund_id);

CREATE TABLE ledger_hold_end (
  hold_id uuid PRIMARY KEY REFERENCES ledger_hold (id),    -- a hold ends once
  outcome text NOT NULL CHECK (outcome IN ('released', 'expired', 'paid')),
  journal_id bigint REFERENCES journal (id),               -- the payment, when paid
  reason text,
  ended_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome = 'paid') = (journal_id IS NOT NULL))
);

CREATE TRIGGER ledger_hold_append_only BEFORE UPDATE OR DELETE ON ledger_hold FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER ledger_hold_end_append_only BEFORE UPDATE OR DELETE ON ledger_hold_end FOR EACH ROW EXECUTE FUNCTION forbid_change();
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_hold, ledger_hold_end FROM mosharekat_app;
