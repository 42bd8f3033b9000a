-- Places and professionals of "Autour de moi", commune centres for search, and the import log.
-- PostgreSQL 15 features only (no PostGIS): the server answers nearest-place queries from an
-- in-memory index built from these tables.

CREATE TABLE commune (
  code text PRIMARY KEY,                 -- INSEE (COG), e.g. 01451, 2A004, 97411
  name text NOT NULL,
  folded_name text NOT NULL,             -- lower case, no accents, for prefix search
  dep text NOT NULL,
  postcodes text[] NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  population integer
);
CREATE INDEX commune_folded_name_idx ON commune (folded_name text_pattern_ops);
CREATE INDEX commune_postcodes_idx ON commune USING gin (postcodes);

CREATE TABLE place (
  id text PRIMARY KEY,                   -- source ':' source_id
  source text NOT NULL,                  -- dataset: finess, rpps, or the name of a generic import
  source_id text NOT NULL,
  type text NOT NULL,                    -- a place type id (src/domain/geo/place-types.ts)
  category text,                         -- the source's own category code (FINESS categetab, RPPS profession)
  category_label text,
  name text NOT NULL,
  address text,
  postcode text,
  commune_code text,
  commune_name text,
  phone text,
  url text,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  approximate boolean NOT NULL DEFAULT false, -- placed at the commune centre, not at the address
  updated date,                          -- last update in the source, when it gives one
  UNIQUE (source, source_id)
);
CREATE INDEX place_type_idx ON place (type);

-- One row per import attempt, applied or refused: what an operator reads to know what the map shows.
CREATE TABLE import_run (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dataset text NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'unchanged', 'refused')),
  lines_read integer NOT NULL,
  imported integer NOT NULL,
  rejected integer NOT NULL,
  report jsonb NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_run_dataset_idx ON import_run (dataset, id);
