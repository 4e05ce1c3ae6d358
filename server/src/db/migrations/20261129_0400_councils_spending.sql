-- Participation councils (شوراهای مشارکت‌های مردمی), their meetings, resolutions and delegations;
-- spending requests under their governance; the councils' six-monthly reports.
-- Seed §5: specific money is spent by the donor's intent, general money by decision of the central,
-- provincial or county council, or by a delegate's order plus the participation unit's approval.

-- ---------------------------------------------------------------------------------------------
-- One council per HQ, province and county unit.
CREATE TABLE council (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL UNIQUE REFERENCES org_unit (id),
  level text NOT NULL CHECK (level IN ('central', 'provincial', 'county')),
  name text NOT NULL,
  -- majority: more than half of the sitting members present; min_members: at least quorum_min
  quorum_kind text NOT NULL DEFAULT 'majority' CHECK (quorum_kind IN ('majority', 'min_members')),
  quorum_min smallint CHECK (quorum_min > 0),
  quorum_requires_chair boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((quorum_kind = 'min_members') = (quorum_min IS NOT NULL))
);

-- Members: staff users or outside persons (benefactors, NGO and agency representatives). A member
-- who leaves keeps the row (left_at), so past attendance still names them.
CREATE TABLE council_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES council (id),
  staff_user_id uuid REFERENCES staff_user (id),
  full_name text NOT NULL,
  organization text,
  role text NOT NULL CHECK (role IN ('chair', 'secretary', 'member')),
  joined_at timestamptz NOT NULL DEFAULT now(),
  left_at timestamptz,
  left_reason text,
  created_by uuid REFERENCES staff_user (id)
);
CREATE INDEX council_member_council_idx ON council_member (council_id);
-- a staff user sits once on a council at a time; a council has one chair at a time
CREATE UNIQUE INDEX council_member_staff_once ON council_member (council_id, staff_user_id) WHERE left_at IS NULL AND staff_user_id IS NOT NULL;
CREATE UNIQUE INDEX council_member_one_chair ON council_member (council_id) WHERE role = 'chair' AND left_at IS NULL;

CREATE TABLE council_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES council (id),
  scheduled_at timestamptz NOT NULL,
  location text,
  agenda text NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  held_at timestamptz,
  minutes text,
  -- computed from attendance when the meeting is closed, and frozen with it
  member_count smallint,
  present_count smallint,
  quorum_met boolean,
  quorum_detail jsonb,                      -- the whole evaluation (required, reasons), as shown
  cancel_reason text,
  created_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_by uuid REFERENCES staff_user (id),
  CHECK ((status = 'held') = (held_at IS NOT NULL AND quorum_met IS NOT NULL AND minutes IS NOT NULL))
);
-- "last meeting held with quorum" per council: the overdue list reads it for every council
CREATE INDEX council_meeting_council_held_idx ON council_meeting (council_id, held_at DESC) WHERE status = 'held';

CREATE TABLE council_attendance (
  meeting_id uuid NOT NULL REFERENCES council_meeting (id),
  member_id uuid NOT NULL REFERENCES council_member (id),
  present boolean NOT NULL,
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, member_id)
);

-- Minutes scans, invitations, presentations. Small files live in the database (≤ 5 MB each).
CREATE TABLE council_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES council_meeting (id),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
  sha256 bytea NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES staff_user (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX council_attachment_meeting_idx ON council_attachment (meeting_id);

-- Resolutions (مصوبه) are numbered per council and fiscal year: 1404/12.
CREATE TABLE council_resolution_counter (
  council_id uuid NOT NULL REFERENCES council (id),
  fiscal_year smallint NOT NULL,
  last_no integer NOT NULL,
  PRIMARY KEY (council_id, fiscal_year)
);

-- A resolution is never changed: a later resolution amends or revokes it and points at it
-- (supersedes_id). The versions of one decision form a chain (chain_id = the first version); the
-- live version is the one nothing supersedes, unless it is a revocation.
CREATE TABLE council_resolution (
  id uuid PRIMARY KEY,
  council_id uuid NOT NULL REFERENCES council (id),
  meeting_id uuid NOT NULL REFERENCES council_meeting (id),
  fiscal_year smallint NOT NULL,
  serial integer NOT NULL CHECK (serial > 0),
  kind text NOT NULL CHECK (kind IN ('decision', 'amendment', 'revocation')),
  -- UNIQUE: a version is amended or revoked at most once, so a chain never forks (two concurrent
  -- amendments: the second fails)
  supersedes_id uuid UNIQUE REFERENCES council_resolution (id),
  chain_id uuid NOT NULL REFERENCES council_resolution (id),
  text text NOT NULL,
  -- what it authorizes: general money of the council's unit, up to a ceiling, for purposes, in a
  -- period [valid_from, valid_until); absent for resolutions that only delegate or only record
  ceiling_rials bigint CHECK (ceiling_rials > 0),
  purpose_codes text[] NOT NULL DEFAULT '{}',
  valid_from timestamptz,
  valid_until timestamptz,
  created_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (council_id, fiscal_year, serial),
  CHECK ((kind = 'decision') = (supersedes_id IS NULL)),
  CHECK ((kind = 'decision') = (chain_id = id)),
  CHECK (ceiling_rials IS NULL OR (cardinality(purpose_codes) > 0 AND valid_from IS NOT NULL AND valid_until > valid_from)),
  CHECK (kind <> 'revocation' OR ceiling_rials IS NULL)
);
CREATE INDEX council_resolution_council_idx ON council_resolution (council_id, created_at DESC);
CREATE INDEX council_resolution_chain_idx ON council_resolution (chain_id);
CREATE INDEX council_resolution_meeting_idx ON council_resolution (meeting_id);

-- Delegation (تفویض اختیار) granted by a resolution to a director: their order plus the
-- participation unit's approval then spends general money, within purposes, ceiling and expiry.
CREATE TABLE council_delegation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resolution_id uuid NOT NULL REFERENCES council_resolution (id),
  delegate_user_id uuid NOT NULL REFERENCES staff_user (id),
  purpose_codes text[] NOT NULL CHECK (cardinality(purpose_codes) > 0),
  ceiling_rials bigint NOT NULL CHECK (ceiling_rials > 0),
  expires_at timestamptz NOT NULL,
  UNIQUE (resolution_id, delegate_user_id)
);
CREATE INDEX council_delegation_delegate_idx ON council_delegation (delegate_user_id);

-- How much of a chain's ceiling (delegate_user_id NULL) or of a delegate's ceiling in that chain is
-- reserved or spent by approved requests. The ceiling follows the chain's live version. The CHECK
-- is what keeps approvals within the ceiling under races: concurrent approvals update this one
-- row, queue on its lock and each re-checks the new value (see consumeAllowance for why a read
-- and compare in the application would not be enough, even under REPEATABLE READ).
CREATE TABLE council_allowance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chain_id uuid NOT NULL REFERENCES council_resolution (id),
  delegate_user_id uuid REFERENCES staff_user (id),
  ceiling_rials bigint NOT NULL,
  used_rials bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT council_allowance_within_ceiling CHECK (used_rials >= 0 AND used_rials <= ceiling_rials),
  CONSTRAINT council_allowance_one_per_holder UNIQUE NULLS NOT DISTINCT (chain_id, delegate_user_id)
);

-- Six-monthly performance report of a county or provincial council to the level above. Figures
-- are generated from the data and frozen into `figures` when submitted.
CREATE TABLE council_report (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES council (id),
  fiscal_year smallint NOT NULL,
  half smallint NOT NULL CHECK (half IN (1, 2)),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'acknowledged')),
  narrative text NOT NULL DEFAULT '',
  figures jsonb,
  created_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid REFERENCES staff_user (id),
  submitted_at timestamptz,
  acknowledged_by uuid REFERENCES staff_user (id),
  acknowledged_at timestamptz,
  acknowledge_note text,
  UNIQUE (council_id, fiscal_year, half),
  CHECK ((status = 'draft') = (submitted_at IS NULL)),
  CHECK ((status = 'draft') = (figures IS NULL)),
  CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL))
);
CREATE INDEX council_report_period_idx ON council_report (fiscal_year, half);

-- ---------------------------------------------------------------------------------------------
-- Spending requests. The row carries the current state; spending_request_event keeps every step.
CREATE TABLE spending_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  fund_id uuid NOT NULL REFERENCES fund (id),
  amount_rials bigint NOT NULL CHECK (amount_rials > 0),
  title text NOT NULL,
  description text,
  -- a spending always has a concrete purpose; 'general' is a kind of money, not a use of it
  purpose_code text NOT NULL REFERENCES purpose (code) CHECK (purpose_code <> 'general'),
  target_group_code text REFERENCES target_group (code),
  place_unit_id uuid REFERENCES org_unit (id),
  place_geo_id integer REFERENCES geo_division (id),
  project text,
  beneficiaries text,
  beneficiary_count integer CHECK (beneficiary_count > 0),
  payee_name text NOT NULL,
  payee_sheba text NOT NULL CHECK (payee_sheba ~ '^IR\d{24}$'),
  payee_bank_name text,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'ordered', 'approved', 'paid', 'rejected', 'cancelled', 'expired')),
  -- which rule lets it spend: decided at submission
  authority text CHECK (authority IN ('specific', 'resolution', 'delegation')),
  resolution_id uuid REFERENCES council_resolution (id),
  delegation_id uuid REFERENCES council_delegation (id),
  allowance_id uuid REFERENCES council_allowance (id),
  -- the allowance holds this request's amount (approved or paid)
  allowance_reserved boolean NOT NULL DEFAULT false,
  hold_id uuid UNIQUE REFERENCES ledger_hold (id),
  journal_id bigint UNIQUE REFERENCES journal (id),
  payment_document_no text,
  requested_by uuid NOT NULL REFERENCES staff_user (id),
  ordered_by uuid REFERENCES staff_user (id),
  submitted_at timestamptz,
  ordered_at timestamptz,
  approved_at timestamptz,
  approval_expires_at timestamptz,
  paid_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status NOT IN ('submitted', 'ordered', 'approved', 'paid') OR authority IS NOT NULL),
  CHECK (authority <> 'resolution' OR resolution_id IS NOT NULL),
  CHECK (authority <> 'delegation' OR delegation_id IS NOT NULL),
  CHECK (status NOT IN ('approved', 'paid') OR (hold_id IS NOT NULL AND approved_at IS NOT NULL)),
  CHECK ((status = 'paid') = (journal_id IS NOT NULL)),
  CHECK (status <> 'ordered' OR ordered_by IS NOT NULL),
  -- the requester never orders their own request
  CHECK (ordered_by IS NULL OR ordered_by <> requested_by),
  -- reserved allowance only while approved or paid
  CHECK (NOT allowance_reserved OR (status IN ('approved', 'paid') AND allowance_id IS NOT NULL))
);
CREATE INDEX spending_request_unit_idx ON spending_request (unit_id, created_at DESC);
CREATE INDEX spending_request_status_idx ON spending_request (status, approval_expires_at);
CREATE INDEX spending_request_fund_idx ON spending_request (fund_id);
CREATE INDEX spending_request_resolution_idx ON spending_request (resolution_id) WHERE resolution_id IS NOT NULL;
-- one payment document pays one request at a unit
CREATE UNIQUE INDEX spending_request_payment_document ON spending_request (unit_id, payment_document_no) WHERE payment_document_no IS NOT NULL;

CREATE TABLE spending_approval (
  request_id uuid NOT NULL REFERENCES spending_request (id),
  -- participation: the participation unit's approval; confirmation: the second person of a
  -- resolution-route request (finance officer or council secretary)
  slot text NOT NULL CHECK (slot IN ('participation', 'confirmation')),
  approved_by uuid NOT NULL REFERENCES staff_user (id),
  approved_at timestamptz NOT NULL DEFAULT now(),
  note text,
  PRIMARY KEY (request_id, slot),
  -- two approvals of one request come from two different people
  CONSTRAINT spending_approval_distinct_people UNIQUE (request_id, approved_by)
);

-- Separation of duties, also for scripts that bypass the application: the requester and the
-- delegate who ordered never approve.
CREATE FUNCTION spending_approval_check_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM spending_request r WHERE r.id = NEW.request_id
              AND (r.requested_by = NEW.approved_by OR r.ordered_by = NEW.approved_by)) THEN
    RAISE EXCEPTION 'the requester or the ordering delegate cannot approve' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'spending_approval_not_requester';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER spending_approval_people BEFORE INSERT ON spending_approval FOR EACH ROW EXECUTE FUNCTION spending_approval_check_people();

CREATE TABLE spending_request_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES spending_request (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES staff_user (id),   -- null: the system (expiry)
  actor_name text NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX spending_request_event_request_idx ON spending_request_event (request_id, id);

CREATE TABLE spending_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES spending_request (id),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
  sha256 bytea NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES staff_user (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spending_document_request_idx ON spending_document (request_id);

-- Append-only history: resolutions, delegations, attachments, approvals, events.
CREATE TRIGGER council_resolution_append_only BEFORE UPDATE OR DELETE ON council_resolution FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER council_delegation_append_only BEFORE UPDATE OR DELETE ON council_delegation FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER council_attachment_append_only BEFORE UPDATE OR DELETE ON council_attachment FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER spending_approval_append_only BEFORE UPDATE OR DELETE ON spending_approval FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER spending_request_event_append_only BEFORE UPDATE OR DELETE ON spending_request_event FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER spending_document_append_only BEFORE UPDATE OR DELETE ON spending_document FOR EACH ROW EXECUTE FUNCTION forbid_change();
REVOKE UPDATE, DELETE, TRUNCATE ON council_resolution, council_delegation, council_attachment, spending_approval, spending_request_event, spending_document FROM mosharekat_app;
-- nothing here is ever deleted
REVOKE DELETE, TRUNCATE ON council, council_member, council_meeting, council_attendance, council_resolution_counter, council_allowance,
  council_report, spending_request FROM mosharekat_app;
