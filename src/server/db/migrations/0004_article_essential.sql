-- The « essentiels » (issue 14): key articles translated into every language.
ALTER TABLE article ADD COLUMN essential boolean NOT NULL DEFAULT false;
