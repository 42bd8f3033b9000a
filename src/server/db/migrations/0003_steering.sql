-- Pilotage territorial (issue 7): accounts, sessions, login throttling, projects, audit log,
-- births tables, computed allocations, barometer values and targets. PostgreSQL 15 features only.

-- Accounts of the steering side. Roles: 'national' (administrator, everything), 'regional' (agent of an
-- ARS or a DREETS, one region), 'observer' (read-only; one region, or all when region is null).
CREATE TABLE steering_account (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  email_key text NOT NULL UNIQUE,              -- lower-cased, trimmed e-mail: the login name
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('national', 'regional', 'observer')),
  agency text CHECK (agency IN ('ars', 'dreets')),
  region text CHECK (region ~ '^[0-9]{2}$'),
  password_hash text NOT NULL,                 -- scrypt$N$r$p$salt$hash (src/server/steering/password.ts)
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  password_changed_at timestamptz NOT NULL,
  CHECK ((role = 'regional') = (agency IS NOT NULL)),
  CHECK (role <> 'regional' OR region IS NOT NULL),
  CHECK (role <> 'national' OR region IS NULL)
);

-- Server-side sessions. Only the SHA-256 of the 256-bit random token is stored: a copy of this table
-- does not let anyone log in. The CSRF token is a per-session synchronizer token.
CREATE TABLE steering_session (
  token_hash text PRIMARY KEY,                 -- hex SHA-256 of the token
  account_id bigint NOT NULL REFERENCES steering_account (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL              -- absolute limit; idle limit = last_seen_at + idle timeout
);
CREATE INDEX steering_session_account_idx ON steering_session (account_id);

-- Failed logins, per account ('compte:<email>') and per client ('ip:<sha256 of the address>'), shared by
-- every server copy. A key with too many failures in the window is locked until locked_until.
CREATE TABLE steering_login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);

-- Projects: the validated project (src/domain/steering/project.ts) as JSON, plus copies of the fields the
-- list filters on. version increases on each change (optimistic concurrency).
CREATE TABLE steering_project (
  id uuid PRIMARY KEY,
  region text NOT NULL,
  title text NOT NULL,
  status text NOT NULL,
  funding_line text NOT NULL,
  themes text[] NOT NULL,
  years integer[] NOT NULL,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  created_by bigint REFERENCES steering_account (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  updated_by bigint REFERENCES steering_account (id) ON DELETE SET NULL
);
CREATE INDEX steering_project_region_idx ON steering_project (region, title);
CREATE INDEX steering_project_themes_idx ON steering_project USING gin (themes);
CREATE INDEX steering_project_years_idx ON steering_project USING gin (years);

-- Audit log: who changed what, when, with the state before and after. Never updated or deleted by the app.
CREATE TABLE steering_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  account_id bigint REFERENCES steering_account (id) ON DELETE SET NULL,
  actor_email text NOT NULL,
  action text NOT NULL,
  project_id uuid,
  region text,
  before jsonb,
  after jsonb
);
CREATE INDEX steering_audit_project_idx ON steering_audit (project_id, id);

-- Births tables loaded by an administrator (the INSEE 2022 table ships in data/steering/ and is not stored).
CREATE TABLE steering_births_table (
  year integer PRIMARY KEY,
  source text NOT NULL,
  level text NOT NULL CHECK (level IN ('region', 'departement')),
  by_region jsonb NOT NULL,
  by_departement jsonb,
  loaded_at timestamptz NOT NULL,
  loaded_by text NOT NULL
);

-- Allocations computed by a national administrator, kept so that every role sees the published result.
CREATE TABLE steering_allocation (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year integer NOT NULL,
  volet text NOT NULL CHECK (volet IN ('sante', 'social')),
  result jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  computed_by text NOT NULL
);

-- Barometer: one row per loaded file; values and departmental targets point to the file they came from.
CREATE TABLE steering_barometer_dataset (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('valeurs', 'objectifs')),
  source text NOT NULL,
  fictitious boolean NOT NULL DEFAULT false,   -- true only for `npm run demo:barometre`
  rows integer NOT NULL,
  loaded_at timestamptz NOT NULL,
  loaded_by text NOT NULL
);

CREATE TABLE steering_barometer_value (
  indicator text NOT NULL CHECK (indicator IN ('epp', 'epnp')),
  departement text NOT NULL,
  year integer NOT NULL,
  numerator integer NOT NULL CHECK (numerator >= 0),
  denominator integer NOT NULL CHECK (denominator > 0 AND numerator <= denominator),
  dataset_id bigint NOT NULL REFERENCES steering_barometer_dataset (id) ON DELETE CASCADE,
  PRIMARY KEY (indicator, departement, year)
);

CREATE TABLE steering_barometer_target (
  indicator text NOT NULL CHECK (indicator IN ('epp', 'epnp')),
  departement text NOT NULL,
  year integer NOT NULL,
  percent numeric(6, 3) NOT NULL CHECK (percent BETWEEN 0 AND 100),
  dataset_id bigint NOT NULL REFERENCES steering_barometer_dataset (id) ON DELETE CASCADE,
  PRIMARY KEY (indicator, departement, year)
);
