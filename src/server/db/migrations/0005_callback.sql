-- Call-back requests after the EPDS (issue 17): département-scoped accounts, the services table, the
-- requests (encrypted by the application: src/server/callback/crypto.ts), their history, and the rate
-- limit counters of the public endpoint. See docs/rappel.md.

-- A new role: 'departemental', the agent of one département's call-back service (PMI or a partner service).
ALTER TABLE steering_account DROP CONSTRAINT steering_account_role_check;
ALTER TABLE steering_account ADD CONSTRAINT steering_account_role_check CHECK (role IN ('national', 'regional', 'observer', 'departemental'));
ALTER TABLE steering_account ADD COLUMN departement text CHECK (departement ~ '^([0-9]{2}|2[AB]|97[1-6])$');
ALTER TABLE steering_account ADD CONSTRAINT steering_account_departement_check2
  CHECK ((role = 'departemental') = (departement IS NOT NULL) AND (role <> 'departemental' OR (region IS NULL AND agency IS NULL)));

-- The services that call parents back, one per département at most, maintained by a national administrator
-- (no open dataset gives a PMI's intake contact for call-backs: see docs/rappel.md, « Ce que l'exploitant doit configurer »).
CREATE TABLE callback_service (
  departement text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,                          -- the service's mailbox: notified without any personal data
  opening_hours text NOT NULL,
  response_delay_hours integer NOT NULL CHECK (response_delay_hours > 0),
  enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

-- The requests. Everything a person gave (first name, phone, moments, commune, shared result) and what the
-- service wrote (outcome, attempts, oriented to) is in `payload`, AES-256-GCM under the key `key_id`, with
-- the id and the département as associated data: a copy of this table reveals nothing about anyone.
CREATE TABLE callback_request (
  id uuid PRIMARY KEY,
  departement text NOT NULL,
  status text NOT NULL CHECK (status IN ('new', 'contacted', 'closed')),
  key_id text NOT NULL,
  payload text NOT NULL,                        -- v1.<iv>.<tag>.<ciphertext>, base64url
  cancel_token_hash text NOT NULL,              -- hex SHA-256 of the 256-bit cancel token kept on the device
  created_at timestamptz NOT NULL,
  closed_at timestamptz,
  delete_at timestamptz NOT NULL                -- the retention job deletes the row from then on
);
CREATE INDEX callback_request_departement_idx ON callback_request (departement, created_at);
CREATE INDEX callback_request_delete_idx ON callback_request (delete_at);

-- Who did what and when; deleted with the request.
CREATE TABLE callback_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES callback_request (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  account_id bigint REFERENCES steering_account (id) ON DELETE SET NULL,
  actor text NOT NULL,
  action text NOT NULL CHECK (action IN ('created', 'read', 'contacted', 'closed'))
);
CREATE INDEX callback_event_request_idx ON callback_event (request_id, id);

-- Rate limits of the public endpoint: per client address and per phone number, each as a keyed HMAC (never
-- the address or the number); a row is deleted once its window is over.
CREATE TABLE callback_rate (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_end timestamptz NOT NULL
);
CREATE INDEX callback_rate_window_idx ON callback_rate (window_end);
