-- The fund ledger: custody accounts (who physically holds money) and funds (who owns it), journals
-- of balanced lines, cached balances that can always be rebuilt from the lines, idempotency keys.

-- Purposes (نیت/مصرف): one managed catalogue used by specific funds, spending, campaigns, the portal.
CREATE TABLE purpose (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  label_fa text NOT NULL,
  label_en text NOT NULL,
  sort smallint NOT NULL DEFAULT 100,
  active boolean NOT NULL DEFAULT true
);
INSERT INTO purpose (code, label_fa, label_en, sort) VALUES
  ('livelihood', 'معیشت', 'Livelihood', 10),
  ('housing', 'مسکن', 'Housing', 20),
  ('marriage', 'جهیزیه و ازدواج', 'Marriage and dowry', 30),
  ('orphans', 'ایتام و فرزندان بی‌سرپرست و بدسرپرست', 'Orphans and children without guardians', 40),
  ('disability', 'افراد دارای معلولیت', 'People with disabilities', 50),
  ('female_heads', 'زنان سرپرست خانوار', 'Female heads of household', 60),
  ('multiple_births', 'چندقلوها', 'Multiple-birth families', 70),
  ('elderly', 'سالمندان', 'Elderly', 80),
  ('health', 'درمان', 'Health care', 90),
  ('education', 'تحصیل و آموزش', 'Education', 100),
  ('employment', 'اشتغال و توانمندسازی', 'Employment and empowerment', 110),
  ('sadaqa', 'صدقه', 'Sadaqa', 120),
  ('zakat_kaffarah', 'زکات و کفارات', 'Zakat and kaffarah', 130),
  ('vows', 'نذورات', 'Vows', 140),
  ('food', 'اطعام و افطاری', 'Food and iftar', 150),
  ('construction', 'ساخت و تجهیز مراکز', 'Building and equipping centres', 160),
  ('general', 'عام (به تشخیص شورا)', 'General (as the council decides)', 999);

-- Target groups a specific fund may be restricted to (optional second coordinate of an intent).
CREATE TABLE target_group (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  label_fa text NOT NULL,
  label_en text NOT NULL
);
INSERT INTO target_group (code, label_fa, label_en) VALUES
  ('disability', 'افراد دارای معلولیت', 'People with disabilities'),
  ('orphans', 'کودکان بی‌سرپرست و بدسرپرست', 'Children without guardians'),
  ('female_heads', 'زنان سرپرست خانوار', 'Female heads of household'),
  ('multiple_births', 'خانواده‌های چندقلو', 'Multiple-birth families'),
  ('elderly', 'سالمندان', 'Elderly'),
  ('addiction_recovery', 'بهبودیافتگان اعتیاد', 'People recovering from addiction'),
  ('students', 'دانش‌آموزان و دانشجویان', 'Students');

-- Every account a journal line can touch. Custody accounts are debit-normal (a positive balance is
-- money held); funds are credit-normal (a negative balance is money owned).
CREATE TABLE ledger_account (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('custody', 'fund')),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_account_unit_idx ON ledger_account (unit_id);

CREATE TABLE custody_account (
  id uuid PRIMARY KEY REFERENCES ledger_account (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  -- central: the one participation account of a province (and HQ) that all cash must reach;
  -- spending: a county's account that pays for spending; in_transit: cash collected, not yet banked;
  -- inventory: in-kind goods valued in rials
  kind text NOT NULL CHECK (kind IN ('central', 'spending', 'in_transit', 'inventory')),
  name text NOT NULL,
  bank_name text,
  branch text,
  sheba text CHECK (sheba IS NULL OR sheba ~ '^IR\d{24}$'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- one central and one spending account per unit
CREATE UNIQUE INDEX custody_account_one_per_kind ON custody_account (unit_id, kind) WHERE kind IN ('central', 'spending', 'in_transit');

CREATE TABLE fund (
  id uuid PRIMARY KEY REFERENCES ledger_account (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  kind text NOT NULL CHECK (kind IN ('general', 'specific')),
  purpose_code text NOT NULL REFERENCES purpose (code),
  target_group_code text REFERENCES target_group (code),
  place_unit_id uuid REFERENCES org_unit (id),
  place_geo_id integer REFERENCES geo_division (id),
  project text,
  -- the identity of an intent: equal intents at one unit share one fund
  intent_key text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'general') = (purpose_code = 'general'))
);
CREATE UNIQUE INDEX fund_intent_key ON fund (unit_id, intent_key);
CREATE INDEX fund_purpose_idx ON fund (purpose_code);

-- Journals: one per business event. Append-only: a mistake is undone by a reversing journal.
CREATE TABLE journal (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- see server/src/modules/ledger/journal-kinds.ts for why each kind exists
  kind text NOT NULL CHECK (kind IN ('contribution', 'contribution_reversal', 'pass_down', 'pass_down_reversal',
                                     'spending', 'spending_reversal', 'opening_balance')),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  occurred_at timestamptz NOT NULL,        -- the business instant (UTC)
  fiscal_year smallint NOT NULL,           -- Jalali year of occurred_at in Tehran time
  fiscal_month smallint NOT NULL CHECK (fiscal_month BETWEEN 1 AND 12),
  posted_at timestamptz NOT NULL DEFAULT now(),
  description text,
  document_no text,                        -- the financial document (سند) it was posted on
  reverses_id bigint UNIQUE REFERENCES journal (id),  -- a journal is reversed at most once
  created_by uuid REFERENCES staff_user (id),
  request_id text
);
CREATE INDEX journal_unit_occurred_idx ON journal (unit_id, occurred_at);
CREATE INDEX journal_fiscal_idx ON journal (fiscal_year, fiscal_month);

CREATE TABLE journal_line (
  journal_id bigint NOT NULL REFERENCES journal (id),
  line_no smallint NOT NULL,
  account_id uuid NOT NULL REFERENCES ledger_account (id),
  -- the earmark this line moves: for a fund line, the fund itself; for a custody line, whose money
  -- entered or left that custody. Lines balance per journal and per fund.
  fund_id uuid NOT NULL REFERENCES fund (id),
  amount bigint NOT NULL CHECK (amount <> 0),   -- debit positive, credit negative; rials
  occurred_at timestamptz NOT NULL,              -- copied from the journal for statements and as-of balances
  PRIMARY KEY (journal_id, line_no)
);
CREATE INDEX journal_line_account_idx ON journal_line (account_id, fund_id, occurred_at);
CREATE INDEX journal_line_fund_idx ON journal_line (fund_id, occurred_at);

-- Cached balance of each (account, fund) position, changed in the same transaction as the lines.
-- The CHECK is what keeps a fund (and the custody of each fund's money) from going negative, also
-- under races: concurrent updates of one row queue on its lock and re-check on the new value.
CREATE TABLE ledger_balance (
  account_id uuid NOT NULL REFERENCES ledger_account (id),
  fund_id uuid NOT NULL REFERENCES fund (id),
  kind text NOT NULL CHECK (kind IN ('custody', 'fund')),
  amount bigint NOT NULL DEFAULT 0,
  held bigint NOT NULL DEFAULT 0 CHECK (held >= 0),   -- reserved by approved, unpaid spending
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, fund_id),
  CONSTRAINT ledger_balance_not_overdrawn CHECK (
    (kind = 'fund' AND amount + held <= 0) OR (kind = 'custody' AND amount - held >= 0))
);
CREATE INDEX ledger_balance_fund_idx ON ledger_balance (fund_id);

CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line FOR EACH ROW EXECUTE FUNCTION forbid_change();
REVOKE UPDATE, DELETE, TRUNCATE ON journal, journal_line FROM mosharekat_app;
REVOKE DELETE, TRUNCATE ON ledger_balance FROM mosharekat_app;

-- Money-moving requests carry an Idempotency-Key: the same key with the same body answers the
-- first answer; with another body it is refused. The row is inserted first in the request's own
-- transaction, so a concurrent duplicate waits on the unique index and then sees the answer.
CREATE TABLE idempotency_key (
  scope text NOT NULL,            -- the caller (user id) and route
  key text NOT NULL,
  request_hash bytea NOT NULL,
  response_status smallint,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
REVOKE DELETE, TRUNCATE ON idempotency_key FROM mosharekat_app;

-- ---------------------------------------------------------------------------------------------
-- Contributions (cash for now). A contribution row is immutable; its reversal is a row of its own.
CREATE TABLE receipt_counter (
  province_unit_id uuid NOT NULL REFERENCES org_unit (id),
  fiscal_year smallint NOT NULL,
  last_no bigint NOT NULL,
  PRIMARY KEY (province_unit_id, fiscal_year)
);

CREATE TABLE contribution_batch (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  book_no text NOT NULL,                      -- the paper receipt book
  expected_count integer NOT NULL CHECK (expected_count > 0),
  expected_total bigint NOT NULL CHECK (expected_total > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted', 'cancelled')),
  created_by uuid NOT NULL REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  posted_at timestamptz,
  UNIQUE (unit_id, book_no)
);

-- Draft lines of a batch: not money yet (nothing is posted until the batch adds up).
CREATE TABLE contribution_batch_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id uuid NOT NULL REFERENCES contribution_batch (id),
  input jsonb NOT NULL,                        -- the validated contribution input
  amount_rials bigint NOT NULL CHECK (amount_rials > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contribution_batch_item_batch_idx ON contribution_batch_item (batch_id);

CREATE TABLE contribution (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL DEFAULT 'cash' CHECK (kind IN ('cash')),
  unit_id uuid NOT NULL REFERENCES org_unit (id),        -- the receiving unit
  province_unit_id uuid NOT NULL REFERENCES org_unit (id),
  donor_id uuid,                                          -- null: anonymous
  fund_id uuid NOT NULL REFERENCES fund (id),
  amount_rials bigint NOT NULL CHECK (amount_rials > 0),
  channel text NOT NULL CHECK (channel IN ('counter_cash', 'pos', 'card_to_card', 'bank_transfer', 'cheque', 'gateway', 'ussd', 'payroll', 'other')),
  channel_ref text,                                       -- the channel's own reference (POS trace, transfer no…)
  received_at timestamptz NOT NULL,
  fiscal_year smallint NOT NULL,
  fiscal_month smallint NOT NULL CHECK (fiscal_month BETWEEN 1 AND 12),   -- of received_at, Tehran: its journal's
  -- checked at commit, so a bulk import can claim its references (INSERT … ON CONFLICT DO NOTHING)
  -- before writing the journals of the gifts that were really new
  journal_id bigint NOT NULL UNIQUE REFERENCES journal (id) DEFERRABLE INITIALLY DEFERRED,
  receipt_no text NOT NULL,                               -- 1404-07-000123, unique per province (shown in Persian digits)
  receipt_code text NOT NULL UNIQUE,                      -- short public verification code
  batch_id uuid REFERENCES contribution_batch (id),
  notes text,
  recorded_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_unit_id, receipt_no)
);
-- recording the same external payment twice credits once
CREATE UNIQUE INDEX contribution_channel_ref_key ON contribution (channel, channel_ref) WHERE channel_ref IS NOT NULL;
CREATE INDEX contribution_unit_received_idx ON contribution (unit_id, received_at DESC);
CREATE INDEX contribution_province_received_idx ON contribution (province_unit_id, received_at DESC);
CREATE INDEX contribution_donor_idx ON contribution (donor_id) WHERE donor_id IS NOT NULL;
CREATE INDEX contribution_fund_idx ON contribution (fund_id);
CREATE TRIGGER contribution_append_only BEFORE UPDATE OR DELETE ON contribution FOR EACH ROW EXECUTE FUNCTION forbid_change();
REVOKE UPDATE, DELETE, TRUNCATE ON contribution FROM mosharekat_app;

CREATE TABLE contribution_reversal (
  contribution_id uuid PRIMARY KEY REFERENCES contribution (id),   -- reversed at most once
  journal_id bigint NOT NULL UNIQUE REFERENCES journal (id),
  reason text NOT NULL,
  reversed_by uuid NOT NULL REFERENCES staff_user (id),
  reversed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER contribution_reversal_append_only BEFORE UPDATE OR DELETE ON contribution_reversal FOR EACH ROW EXECUTE FUNCTION forbid_change();
REVOKE UPDATE, DELETE, TRUNCATE ON contribution_reversal FROM mosharekat_app;

-- Province → county pass-down (the seed: the province hands a county's balance on, on a document).
CREATE TABLE pass_down (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_unit_id uuid NOT NULL REFERENCES org_unit (id),
  county_unit_id uuid NOT NULL REFERENCES org_unit (id),
  journal_id bigint NOT NULL UNIQUE REFERENCES journal (id),
  document_no text NOT NULL,
  total_rials bigint NOT NULL CHECK (total_rials > 0),
  created_by uuid NOT NULL REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (province_unit_id, document_no)
);
CREATE TRIGGER pass_down_append_only BEFORE UPDATE OR DELETE ON pass_down FOR EACH ROW EXECUTE FUNCTION forbid_change();
REVOKE UPDATE, DELETE, TRUNCATE ON pass_down FROM mosharekat_app;

-- Posts a journal in one round trip: the journal row, its lines, and the cached balances. Balance
-- rows are created at zero when missing and then updated one by one in (account, fund) order, so
-- concurrent postings lock rows in the same order (no deadlocks) and the overdraft CHECK is tested
-- on the updated value (an INSERT … ON CONFLICT would test the delta itself).
CREATE FUNCTION ledger_post(
  p_kind text, p_unit uuid, p_occurred_at timestamptz, p_fiscal_year smallint, p_fiscal_month smallint,
  p_description text, p_document_no text, p_reverses bigint, p_created_by uuid, p_request_id text,
  p_accounts uuid[], p_funds uuid[], p_amounts bigint[]
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  d record;
BEGIN
  INSERT INTO journal (kind, unit_id, occurred_at, fiscal_year, fiscal_month, description, document_no, reverses_id, created_by, request_id)
  VALUES (p_kind, p_unit, p_occurred_at, p_fiscal_year, p_fiscal_month, p_description, p_document_no, p_reverses, p_created_by, p_request_id)
  RETURNING id INTO v_id;
  INSERT INTO journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at)
  SELECT v_id, l.n, l.a, l.f, l.m, p_occurred_at FROM unnest(p_accounts, p_funds, p_amounts) WITH ORDINALITY AS l(a, f, m, n);
  FOR d IN
    SELECT l.a, l.f, sum(l.m)::bigint AS m, la.kind
      FROM unnest(p_accounts, p_funds, p_amounts) AS l(a, f, m) JOIN ledger_account la ON la.id = l.a
     GROUP BY l.a, l.f, la.kind HAVING sum(l.m) <> 0 ORDER BY l.a, l.f
  LOOP
    INSERT INTO ledger_balance (account_id, fund_id, kind, amount) VALUES (d.a, d.f, d.kind, 0) ON CONFLICT DO NOTHING;
    UPDATE ledger_balance SET amount = amount + d.m, updated_at = now() WHERE account_id = d.a AND fund_id = d.f;
  END LOOP;
  RETURN v_id;
END $$;
