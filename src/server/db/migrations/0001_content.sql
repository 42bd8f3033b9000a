-- Editorial content (stages, themes, situations, articles), loaded from content/ at start-up.
CREATE TABLE content_release (
  id integer PRIMARY KEY CHECK (id = 1),
  version text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stage (
  id text PRIMARY KEY,
  position integer NOT NULL UNIQUE,
  title text NOT NULL,
  period text NOT NULL,
  description text NOT NULL
);

CREATE TABLE theme (
  id text PRIMARY KEY,
  position integer NOT NULL UNIQUE,
  title text NOT NULL
);

CREATE TABLE situation (
  id text PRIMARY KEY,
  position integer NOT NULL UNIQUE,
  title text NOT NULL
);

CREATE TABLE article (
  id text PRIMARY KEY,
  position integer NOT NULL UNIQUE,
  title text NOT NULL,
  summary text NOT NULL,
  key_message text NOT NULL,
  stages text[] NOT NULL,
  themes text[] NOT NULL,
  situations text[] NOT NULL,
  audience text[] NOT NULL,
  sources jsonb NOT NULL,
  reviewed date NOT NULL,
  next_review date NOT NULL,
  html text NOT NULL,
  body_text text NOT NULL
);
CREATE INDEX article_stages_idx ON article USING gin (stages);
CREATE INDEX article_themes_idx ON article USING gin (themes);
