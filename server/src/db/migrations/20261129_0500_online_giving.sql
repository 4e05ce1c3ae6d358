-- Online giving: payments through an Iranian payment gateway (Zarinpal v4 protocol), the built-in
-- sandbox gateway's own records, USSD codes and transactions, donor one-time codes and sessions,
-- and the counters behind the portal's anti-abuse limits.
-- Frozen once merged: change the schema with a new file.

-- ---------------------------------------------------------------------------------------------
-- A donor's online payment. It exists from the moment the gateway hands out an authority and counts
-- as money only once OUR server-to-server verify has confirmed it for the amount stored here:
--   pending → verified   verify answered 100/101 for amount_rials; the contribution is recorded in
--                        the same transaction (contribution_id), so "verified" and "credited" are one
--   pending → failed     the donor came back with Status=NOK and the gateway confirms it was not paid
--   pending → expired    still unpaid at the gateway 30 minutes after it started (the repair job)
-- A verified payment never changes again (trigger below). Personal data is stored encrypted
-- (lib/crypto-keys.ts) with a keyed hash of the mobile for the donor's "my gifts".
CREATE TABLE payment (
  id uuid PRIMARY KEY,                                   -- chosen before the gateway request: it is in the callback URL
  gateway text NOT NULL CHECK (gateway IN ('sandbox', 'zarinpal')),
  -- the gateway's id of this payment session; unique so that a callback names at most one payment
  authority text NOT NULL UNIQUE,
  amount_rials bigint NOT NULL CHECK (amount_rials > 0),
  purpose_code text NOT NULL REFERENCES purpose (code),
  unit_id uuid NOT NULL REFERENCES org_unit (id),        -- the receiving unit (a province or a county)
  donor_name_enc bytea,
  mobile_hash bytea,
  mobile_enc bytea,
  national_code_enc bytea,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'failed', 'expired')),
  ref_id text,                                           -- the gateway's reference of the verified payment
  card_pan text,                                         -- masked card number as the gateway returns it
  contribution_id uuid UNIQUE REFERENCES contribution (id),
  last_code integer,                                     -- the gateway's last answer code (diagnosis)
  checks integer NOT NULL DEFAULT 0,                     -- verify calls made
  last_checked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,                                 -- when it left pending
  CHECK ((mobile_hash IS NULL) = (mobile_enc IS NULL)),
  CHECK ((status = 'verified') = (contribution_id IS NOT NULL AND ref_id IS NOT NULL)),
  CHECK ((status = 'pending') = (closed_at IS NULL))
);
-- one gateway payment can credit only one of our payments, however its callbacks are replayed
CREATE UNIQUE INDEX payment_gateway_ref_key ON payment (gateway, ref_id) WHERE ref_id IS NOT NULL;
-- the repair job scans only the open ones
CREATE INDEX payment_pending_idx ON payment (created_at) WHERE status = 'pending';
CREATE INDEX payment_mobile_idx ON payment (mobile_hash, created_at DESC) WHERE mobile_hash IS NOT NULL;
REVOKE DELETE, TRUNCATE ON payment FROM mosharekat_app;

CREATE FUNCTION payment_verified_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'verified' THEN
    RAISE EXCEPTION 'payment % cannot change: verified payments are final and none is deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payment_verified_final BEFORE UPDATE OR DELETE ON payment
  FOR EACH ROW EXECUTE FUNCTION payment_verified_is_final();

-- ---------------------------------------------------------------------------------------------
-- The built-in sandbox gateway (GATEWAY=sandbox) keeps its own records here: it stands in for the
-- PSP's database, so our payment table and the "gateway" can disagree exactly as they can in real
-- life (a callback that lies, a verify that was done but not committed on our side).
CREATE TABLE sandbox_gateway_payment (
  authority text PRIMARY KEY,
  merchant_id text NOT NULL,
  amount_rials bigint NOT NULL CHECK (amount_rials > 0),
  callback_url text NOT NULL,
  description text NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'cancelled', 'verified')),
  ref_id bigint UNIQUE,
  card_pan text,
  created_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  verified_at timestamptz
);
CREATE SEQUENCE sandbox_gateway_ref_seq START 70000001;

-- ---------------------------------------------------------------------------------------------
-- Events counted by the portal's rate limits (payment starts per IP and per mobile, one-time-code
-- sends). The key is a keyed hash (never a raw IP or mobile); rows older than a day are deleted.
CREATE TABLE rate_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bucket text NOT NULL,
  key_hash bytea NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_event_key_idx ON rate_event (bucket, key_hash, at);
CREATE INDEX rate_event_at_idx ON rate_event (at);

-- ---------------------------------------------------------------------------------------------
-- Donors sign in to the portal with their mobile and a one-time code sent by SMS. Codes are stored
-- only as a keyed hash, live two minutes, are used once and die after five wrong guesses.
CREATE TABLE donor_otp (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mobile_hash bytea NOT NULL,
  code_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  attempts smallint NOT NULL DEFAULT 0,
  used_at timestamptz
);
CREATE INDEX donor_otp_mobile_idx ON donor_otp (mobile_hash, created_at DESC);

-- A donor's portal session: like staff sessions, the cookie carries a random token and the table
-- only its SHA-256. A donor is identified by the (hashed) mobile, not by a donor record.
CREATE TABLE donor_session (
  token_hash bytea PRIMARY KEY,
  mobile_hash bytea NOT NULL,
  mobile_hint text NOT NULL,                             -- '0912***4567': what the page may show
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX donor_session_mobile_idx ON donor_session (mobile_hash);

-- ---------------------------------------------------------------------------------------------
-- USSD codes (کد دستوری): what a dialled code gives to. The receiving unit is named by its stable
-- code ('P23' = Tehran province, see seed/load-reference.ts) rather than its id, because the org
-- tree is loaded after the migrations and these demo rows must exist on every install.
CREATE TABLE ussd_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^\*[0-9]+(\*[0-9]+)*#$'),
  purpose_code text NOT NULL REFERENCES purpose (code),
  unit_code text NOT NULL,
  campaign text,
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO ussd_code (code, purpose_code, unit_code, campaign) VALUES
  ('*733*9*7#', 'orphans', 'P23', 'ضیافت مهربانی'),
  ('*741*5*5#', 'general', 'HQ', 'ضیافت مهربانی'),
  ('*733*9*1#', 'livelihood', 'P10', NULL),
  ('*733*9*2#', 'sadaqa', 'HQ', NULL);

-- Each aggregator transaction, recorded once: the unique transaction id makes a redelivered
-- callback a no-op, also when two deliveries race (the second waits on the index, then conflicts).
CREATE TABLE ussd_transaction (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  transaction_id text NOT NULL UNIQUE,
  dialled_code text NOT NULL,
  ussd_code_id uuid NOT NULL REFERENCES ussd_code (id),
  amount_rials bigint NOT NULL CHECK (amount_rials > 0),
  mobile_hash bytea,
  mobile_enc bytea,
  contribution_id uuid NOT NULL UNIQUE REFERENCES contribution (id),
  paid_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((mobile_hash IS NULL) = (mobile_enc IS NULL))
);
CREATE INDEX ussd_transaction_mobile_idx ON ussd_transaction (mobile_hash, received_at DESC) WHERE mobile_hash IS NOT NULL;
CREATE TRIGGER ussd_transaction_append_only BEFORE UPDATE OR DELETE ON ussd_transaction FOR EACH ROW EXECUTE FUNCTION forbid_change();
REVOKE UPDATE, DELETE, TRUNCATE ON ussd_transaction FROM mosharekat_app;
