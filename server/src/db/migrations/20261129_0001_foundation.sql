-- Foundation: the application role, geography, organization units, staff, sessions, audit.
-- Migrations are frozen once merged: change the schema with a new file, never by editing this one.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The server connects as the database owner and immediately SET ROLEs to mosharekat_app, so that
-- the privileges below (notably: no UPDATE/DELETE on append-only tables) hold for every request.
DO $$
BEGIN
  CREATE ROLE mosharekat_app NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
  NULL; -- roles are cluster-wide: another database of this cluster created it already
END $$;

DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT mosharekat_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO mosharekat_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mosharekat_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO mosharekat_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO mosharekat_app;

-- Blocks UPDATE and DELETE for everyone (the owner included) on append-only tables; the grants
-- already deny them to the application role, this also catches mistakes in migrations and scripts.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

-- ---------------------------------------------------------------------------------------------
-- Geography: Iran's divisions as published by the Statistical Centre (server/data/iran-divisions).
-- Ids are derived from the source ids (level base + source id) so they are stable across installs.
CREATE TABLE geo_division (
  id integer PRIMARY KEY,
  level text NOT NULL CHECK (level IN ('province', 'county', 'district', 'rural_district', 'city', 'village')),
  name text NOT NULL,
  name_key text NOT NULL,            -- searchKey(name): Persian-folded for search
  parent_id integer REFERENCES geo_division (id),
  province_id integer,
  county_id integer,
  amar_code text,
  type_code smallint                 -- shahr_type / abadi_type of the source
);
CREATE INDEX geo_division_parent_idx ON geo_division (parent_id);
CREATE INDEX geo_division_county_level_idx ON geo_division (county_id, level);
-- village search within a county ("charity records down to the village") is by name fragment
CREATE INDEX geo_division_name_key_trgm ON geo_division USING gin (name_key gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- Organization units. Rows are never deleted: a unit that stops existing is retired and keeps
-- its records. `path` holds the ids from the root to the unit itself; scope checks are an array
-- overlap against the units where the actor holds roles.
CREATE TABLE org_unit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('hq', 'province', 'county', 'department')),
  name text NOT NULL,
  name_key text NOT NULL,
  parent_id uuid REFERENCES org_unit (id),
  path uuid[] NOT NULL,
  depth smallint NOT NULL,
  amar_code text,
  geo_id integer REFERENCES geo_division (id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  retired_at timestamptz,
  retire_reason text,
  successor_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'hq') = (parent_id IS NULL)),
  CHECK ((status = 'retired') = (retired_at IS NOT NULL))
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE INDEX org_unit_path_gin ON org_unit USING gin (path);
CREATE INDEX org_unit_name_key_trgm ON org_unit USING gin (name_key gin_trgm_ops);
-- codes of units an administrator adds without a Statistical Centre code
CREATE SEQUENCE org_unit_code_seq START 1000;
-- one HQ only
CREATE UNIQUE INDEX org_unit_single_hq ON org_unit ((true)) WHERE kind = 'hq';

-- ---------------------------------------------------------------------------------------------
-- Staff.
CREATE TABLE staff_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  full_name text NOT NULL,
  name_key text NOT NULL,            -- searchKey(full_name)
  password_hash text NOT NULL,
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  locale text NOT NULL DEFAULT 'fa' CHECK (locale IN ('fa', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);
-- usernames are compared case-insensitively: "Admin" and "admin" are one account
CREATE UNIQUE INDEX staff_user_username_key ON staff_user (lower(username));
CREATE INDEX staff_user_unit_idx ON staff_user (unit_id);

CREATE TABLE role_assignment (
  user_id uuid NOT NULL REFERENCES staff_user (id),
  role text NOT NULL CHECK (role IN ('participation_officer', 'finance_officer', 'council_secretary',
                                     'director', 'inspector', 'admin')),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role, unit_id)
);
CREATE INDEX role_assignment_unit_idx ON role_assignment (unit_id);

-- Server-side sessions: the cookie carries a random token, the table only its SHA-256, so a
-- leaked table cannot be replayed as cookies.
CREATE TABLE staff_session (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES staff_user (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip inet,
  user_agent text
);
CREATE INDEX staff_session_user_idx ON staff_session (user_id);

-- Failed sign-ins, for the per-IP and per-account limits.
CREATE TABLE login_failure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  ip inet,
  username_key text NOT NULL
);
CREATE INDEX login_failure_ip_idx ON login_failure (ip, at);
CREATE INDEX login_failure_user_idx ON login_failure (username_key, at);

-- ---------------------------------------------------------------------------------------------
-- Audit. Rows are written in the same transaction as the change they describe. They are sealed
-- into a hash chain shortly after commit by audit_seal() (below), so that writers never queue on
-- one chain head; audit_verify() recomputes the chain and names the first row that disagrees.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),   -- database clock, transaction start
  actor_id uuid,                            -- null: the system or an anonymous caller
  actor_name text,
  unit_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  summary jsonb NOT NULL DEFAULT '{}',
  request_id text,
  ip inet
);
CREATE INDEX audit_log_unit_at_idx ON audit_log (unit_id, at DESC);
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE audit_seal (
  seq bigint PRIMARY KEY,                   -- position in the chain, gap-free from 1
  audit_id bigint NOT NULL UNIQUE REFERENCES audit_log (id),
  hash bytea NOT NULL
);
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_seal FROM mosharekat_app;
-- only audit_seal() (security definer) appends to the chain
REVOKE INSERT ON audit_seal FROM mosharekat_app;

-- The canonical bytes of an audit row. jsonb's text form is canonical (sorted keys, one spacing).
CREATE FUNCTION audit_row_bytes(a audit_log) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT convert_to(concat_ws(E'\x1f',
    a.id::text, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), coalesce(a.actor_id::text, ''),
    coalesce(a.actor_name, ''), coalesce(a.unit_id::text, ''), a.action, a.entity_type,
    coalesce(a.entity_id, ''), a.summary::text, coalesce(a.request_id, ''), coalesce(host(a.ip), '')), 'UTF8')
$$;

-- Appends every committed, unsealed audit row to the chain, oldest id first. One sealer at a time
-- (advisory lock); rows committed later than a higher id are simply sealed in a later run.
-- `lookback` bounds the search for stragglers to the last N ids below the newest sealed one, so a
-- run costs the same on a day-one log and a ten-year log; NULL searches the whole log (verify does).
CREATE FUNCTION audit_seal_pending(max_rows integer DEFAULT 50000, lookback bigint DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  prev bytea;
  next_seq bigint;
  r audit_log;
  n integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('audit_seal')) THEN
    RETURN 0;
  END IF;
  SELECT s.hash, s.seq + 1 INTO prev, next_seq FROM audit_seal s ORDER BY s.seq DESC LIMIT 1;
  IF next_seq IS NULL THEN
    prev := '\x'::bytea;
    next_seq := 1;
  END IF;
  FOR r IN
    SELECT a.* FROM audit_log a
    WHERE a.id > CASE WHEN lookback IS NULL THEN 0
                      ELSE coalesce((SELECT max(audit_id) FROM audit_seal), 0) - lookback END
      AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
    ORDER BY a.id LIMIT max_rows
  LOOP
    prev := sha256(prev || audit_row_bytes(r));
    INSERT INTO audit_seal (seq, audit_id, hash) VALUES (next_seq, r.id, prev);
    next_seq := next_seq + 1;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;

-- Walks the chain and returns the first row whose content or link does not match, if any.
CREATE FUNCTION audit_verify(OUT ok boolean, OUT checked bigint, OUT first_bad_id bigint, OUT reason text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  prev bytea := '\x'::bytea;
  expected_seq bigint := 1;
  s record;
BEGIN
  ok := true; checked := 0;
  FOR s IN
    SELECT se.seq, se.hash, se.audit_id, a AS arow, (a.id IS NULL) AS missing
    FROM audit_seal se LEFT JOIN audit_log a ON a.id = se.audit_id
    ORDER BY se.seq
  LOOP
    IF s.seq <> expected_seq THEN
      ok := false; first_bad_id := s.audit_id; reason := 'chain_gap'; RETURN;
    END IF;
    IF s.missing THEN
      ok := false; first_bad_id := s.audit_id; reason := 'row_missing'; RETURN;
    END IF;
    prev := sha256(prev || audit_row_bytes(s.arow));
    IF prev <> s.hash THEN
      ok := false; first_bad_id := s.audit_id; reason := 'hash_mismatch'; RETURN;
    END IF;
    checked := checked + 1;
    expected_seq := expected_seq + 1;
  END LOOP;
END $$;
