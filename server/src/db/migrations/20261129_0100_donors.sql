-- Donor registry: natural and legal persons, their identifiers (encrypted, looked up by keyed
-- hash), mobiles, contacts, relationships, the units that know them, merges, imports; and the
-- small PostgreSQL job queue the imports run on (server/src/jobs).
-- Frozen once merged: change the schema with a new file.

-- ---------------------------------------------------------------------------------------------
-- Categories of donors (an administrator may add rows; codes are referenced from donor.categories).
CREATE TABLE donor_category (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label_fa text NOT NULL,
  label_en text NOT NULL,
  sort smallint NOT NULL DEFAULT 0
);
INSERT INTO donor_category (code, label_fa, label_en, sort) VALUES
  ('benefactor', 'نیکوکار', 'Benefactor', 10),
  ('major_benefactor', 'خیر برجسته', 'Major benefactor', 20),
  ('recurring', 'خیر مستمر (دارای تعهد)', 'Recurring giver', 30),
  ('builder', 'خیر سازنده (مشارکت در ساخت)', 'Construction benefactor', 40),
  ('operator', 'بهره‌بردار مرکز', 'Facility operator', 50),
  ('fundraiser', 'همیار جلب مشارکت', 'Fundraising volunteer', 60),
  ('volunteer', 'داوطلب خدمات', 'Service volunteer', 70),
  ('csr_partner', 'شریک مسئولیت اجتماعی', 'CSR partner', 80),
  ('payroll_giver', 'مشارکت‌کننده شکرانه سلامت', 'Payroll giver', 90);

-- ---------------------------------------------------------------------------------------------
-- Donors. Rows are never deleted (no DELETE grant): a duplicate is merged into a surviving record
-- and keeps pointing at it through merged_into, so old ids in receipts, links and logs still
-- resolve.
--
-- Identity: the national code (natural) or legal national id (legal) is stored only encrypted
-- (ident_enc: AES-256-GCM, see lib/crypto-keys.ts) plus a keyed hash (ident_hash: HMAC-SHA256 of
-- 'N:'/'L:' + the digits) that makes "one donor per identifier" a unique index and lets an exact
-- lookup use it without decrypting anything. A merged record gives its hash up to the survivor.
CREATE TABLE donor (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL CHECK (type IN ('natural', 'legal')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged')),
  merged_into uuid REFERENCES donor (id),
  merged_at timestamptz,
  unit_id uuid NOT NULL REFERENCES org_unit (id),        -- the unit that registered the donor
  display_name text NOT NULL,                             -- normalizeFa: 'first last' or the legal name
  name_key text NOT NULL,                                 -- searchKey(display_name)
  -- natural person
  first_name text,
  last_name text,
  father_name text,
  birth_date date,
  gender text CHECK (gender IN ('male', 'female')),
  -- legal person
  legal_name text,
  legal_type text CHECK (legal_type IN ('company', 'charity', 'ngo', 'government', 'foundation', 'religious_board',
                                        'association', 'university', 'municipality', 'other')),
  registration_no text,
  economic_code text,
  -- identity (see above)
  ident_hash bytea UNIQUE,
  ident_enc bytea,
  -- contact and address
  phone text,
  email text,
  preferred_channel text CHECK (preferred_channel IN ('sms', 'call', 'email', 'post', 'none')),
  province_geo_id integer REFERENCES geo_division (id),
  county_geo_id integer REFERENCES geo_division (id),
  place_geo_id integer REFERENCES geo_division (id),     -- a city or a village
  address_line text,
  postal_code text,
  sheba_enc bytea,                                        -- IBAN for refunds, encrypted like the identity
  public_consent boolean NOT NULL DEFAULT false,          -- may be named publicly (boards of honour, reports)
  tags text[] NOT NULL DEFAULT '{}',
  categories text[] NOT NULL DEFAULT '{}',
  notes text,
  created_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
  CHECK (merged_into <> id),
  CHECK ((ident_hash IS NULL) OR (ident_enc IS NOT NULL)),
  CHECK (type = 'legal' OR (first_name IS NOT NULL AND last_name IS NOT NULL AND legal_name IS NULL AND legal_type IS NULL)),
  CHECK (type = 'natural' OR (legal_name IS NOT NULL AND legal_type IS NOT NULL AND first_name IS NULL AND birth_date IS NULL))
);
-- name fragments ("علی" inside "محمدعلی رضایی"): trigram index on the folded search key
CREATE INDEX donor_name_key_trgm ON donor USING gin (name_key gin_trgm_ops);
-- A fine histogram of the key lets the planner tell a common fragment (thousands of matches) from
-- a rare one; with the default it took rare fragments for common ones and walked the name index
-- instead (seconds instead of milliseconds at a million donors).
ALTER TABLE donor ALTER COLUMN name_key SET STATISTICS 1000;
-- ordered listing and keyset export by name
CREATE INDEX donor_name_key_idx ON donor (name_key, id);
CREATE INDEX donor_unit_idx ON donor (unit_id);
-- the duplicate finder compares names within a county
CREATE INDEX donor_county_idx ON donor (county_geo_id) WHERE county_geo_id IS NOT NULL;
CREATE INDEX donor_tags_gin ON donor USING gin (tags);
CREATE INDEX donor_merged_into_idx ON donor (merged_into) WHERE merged_into IS NOT NULL;
REVOKE DELETE, TRUNCATE ON donor FROM mosharekat_app;

-- Mobiles of a donor, first = primary. Encrypted, and found by keyed hash like the identity;
-- not unique across donors: family members share a phone.
CREATE TABLE donor_mobile (
  donor_id uuid NOT NULL REFERENCES donor (id),
  mobile_hash bytea NOT NULL,
  mobile_enc bytea NOT NULL,
  position smallint NOT NULL DEFAULT 0,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (donor_id, mobile_hash)
);
CREATE INDEX donor_mobile_hash_idx ON donor_mobile (mobile_hash);

-- People to talk to at a legal person (not donors themselves; a representative who acts for the
-- organization is a donor record linked by donor_relation instead).
CREATE TABLE donor_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  donor_id uuid NOT NULL REFERENCES donor (id),
  full_name text NOT NULL,
  title text,
  mobile_hash bytea,
  mobile_enc bytea,
  phone text,
  email text,
  position smallint NOT NULL DEFAULT 0,
  CHECK ((mobile_hash IS NULL) = (mobile_enc IS NULL))
);
CREATE INDEX donor_contact_donor_idx ON donor_contact (donor_id);
CREATE INDEX donor_contact_mobile_idx ON donor_contact (mobile_hash) WHERE mobile_hash IS NOT NULL;

-- donor_id is <kind> of related_donor_id: employee_of / representative_of (with a role such as
-- 'مدیرعامل') a legal person, or family_of another natural person.
CREATE TABLE donor_relation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  donor_id uuid NOT NULL REFERENCES donor (id),
  related_donor_id uuid NOT NULL REFERENCES donor (id),
  kind text NOT NULL CHECK (kind IN ('employee_of', 'representative_of', 'family_of')),
  role text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (donor_id, related_donor_id, kind),
  CHECK (donor_id <> related_donor_id)
);
CREATE INDEX donor_relation_related_idx ON donor_relation (related_donor_id);

-- The units that know a donor: the registering unit, and every unit where the donor gave
-- (the contributions module calls linkDonorToUnit()). A donor is visible in the subtrees of these
-- units; unit ids (not paths) are stored so that moving a unit never leaves stale scopes.
-- Invariant: the link of reason 'registration' or 'import' is the one to donor.unit_id; every
-- other unit is linked with another reason (a merge relabels the duplicate's registration link
-- 'merge'). Scope filters use that split: donor.unit_id (a plain btree) for the many, and the
-- partial index below for the few donors known elsewhere too.
CREATE TABLE donor_unit_link (
  donor_id uuid NOT NULL REFERENCES donor (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  reason text NOT NULL CHECK (reason IN ('registration', 'contribution', 'import', 'merge')),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (donor_id, unit_id)
);
CREATE INDEX donor_unit_link_extra_idx ON donor_unit_link (unit_id, donor_id) WHERE reason NOT IN ('registration', 'import');

-- Merge history: which record was merged into which, by whom, what was filled in and how many
-- references moved. Append-only, and deliberately left out of the merge's re-pointing of
-- references (both columns would otherwise end up naming the survivor and the history would say
-- nothing).
CREATE TABLE donor_merge (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survivor_id uuid NOT NULL REFERENCES donor (id),
  merged_id uuid NOT NULL UNIQUE REFERENCES donor (id),
  merged_at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES staff_user (id),
  actor_name text,
  reason text,
  filled_fields text[] NOT NULL DEFAULT '{}',
  moved jsonb NOT NULL DEFAULT '{}',                      -- {"table.column": rows re-pointed}
  frozen jsonb NOT NULL DEFAULT '{}',                     -- {"table.column": rows left on the merged id}
  CHECK (survivor_id <> merged_id)
);
CREATE INDEX donor_merge_survivor_idx ON donor_merge (survivor_id);
CREATE TRIGGER donor_merge_append_only BEFORE UPDATE OR DELETE ON donor_merge FOR EACH ROW EXECUTE FUNCTION forbid_change();
REVOKE UPDATE, DELETE, TRUNCATE ON donor_merge FROM mosharekat_app;

-- Append-only tables of other modules (contribution, receipts…) that refer to donors may let a
-- merge re-point them, and nothing else: grant `UPDATE (donor_id)` to mosharekat_app and use
--   CREATE TRIGGER … BEFORE UPDATE OR DELETE ON t FOR EACH ROW
--     EXECUTE FUNCTION forbid_change_except_donor_repoint('donor_id');
-- instead of forbid_change(). It accepts an UPDATE only when that one column changes, from a
-- merged donor to the record it was merged into (merge sets merged_into first). Tables that do not
-- opt in keep naming the merged record; readers resolve it with donorIdsOf().
CREATE FUNCTION forbid_change_except_donor_repoint() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
  old_id uuid;
  new_id uuid;
BEGIN
  IF TG_OP = 'UPDATE' AND col IS NOT NULL THEN
    old_id := (to_jsonb(OLD) ->> col)::uuid;
    new_id := (to_jsonb(NEW) ->> col)::uuid;
    IF (to_jsonb(OLD) - col) = (to_jsonb(NEW) - col)
       AND old_id IS NOT NULL AND new_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM donor d WHERE d.id = old_id AND d.merged_into = new_id) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

-- The data key in use, as a fingerprint (HMAC of a constant, never the key): a node started with
-- another key (a lost key file, a forgotten MOSHAREKAT_DATA_KEY on a second node) refuses to
-- write personal data that nobody could decrypt later.
CREATE TABLE pii_key_check (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  fingerprint bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
REVOKE UPDATE, DELETE, TRUNCATE ON pii_key_check FROM mosharekat_app;

-- ---------------------------------------------------------------------------------------------
-- Imports (CSV / XLSX). The uploaded file is kept, encrypted, in chunks until the job has read
-- it, so any node of the cluster can process it; the chunks are deleted when the import ends.
CREATE TABLE donor_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES org_unit (id),        -- new donors are registered at this unit
  created_by uuid NOT NULL REFERENCES staff_user (id),
  file_name text,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  size_bytes bigint NOT NULL DEFAULT 0,
  sha256 bytea,
  dry_run boolean NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  rows_read integer NOT NULL DEFAULT 0,
  rows_valid integer NOT NULL DEFAULT 0,
  rows_invalid integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,               -- existing donors whose blanks were filled
  unchanged_count integer NOT NULL DEFAULT 0,             -- existing donors the row added nothing to
  next_row integer NOT NULL DEFAULT 2,                    -- resume point (row 1 is the header)
  columns text[] NOT NULL DEFAULT '{}',
  ignored_columns text[] NOT NULL DEFAULT '{}',
  failure_code text,
  failure_params jsonb,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX donor_import_unit_idx ON donor_import (unit_id, created_at DESC);

CREATE TABLE donor_import_chunk (
  import_id uuid NOT NULL REFERENCES donor_import (id),
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (import_id, seq)
);

CREATE TABLE donor_import_error (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id uuid NOT NULL REFERENCES donor_import (id),
  row_no integer NOT NULL,
  field text NOT NULL,                                    -- the API field ('nationalCode', 'mobiles.0')
  column_title text NOT NULL,                             -- that column's title in the file
  code text NOT NULL,
  message_fa text NOT NULL,
  message_en text NOT NULL
);
CREATE INDEX donor_import_error_idx ON donor_import_error (import_id, row_no, id);

-- ---------------------------------------------------------------------------------------------
-- Background jobs (server/src/jobs): a queue in PostgreSQL that every node polls with
-- FOR UPDATE SKIP LOCKED. A claimed job holds a lease (locked_until) that the worker extends while
-- it runs; when a node dies the lease runs out and another node takes the job over.
CREATE TABLE background_job (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queue text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3,
  run_after timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- only open jobs are ever searched for
CREATE INDEX background_job_open_idx ON background_job (queue, run_after) WHERE status IN ('queued', 'running');
