-- A number per section of a place's kept facts instead of one for all of them (ADR 0057): a change to one module
-- (an Overleg case, a group) made every place read all of its blocks again; now only that section is read again and
-- the others stay kept. The sections are `place::kept::Section`'s; each table a section reads raises that section's
-- number, in the same transaction as the change (the triggers in each engine's file replace migration 51's).
ALTER TABLE place_version ADD COLUMN participation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE place_version ADD COLUMN overleg BIGINT NOT NULL DEFAULT 0;
ALTER TABLE place_version ADD COLUMN afspraken BIGINT NOT NULL DEFAULT 0;
ALTER TABLE place_version ADD COLUMN social_return BIGINT NOT NULL DEFAULT 0;
ALTER TABLE place_version ADD COLUMN signals BIGINT NOT NULL DEFAULT 0;
ALTER TABLE place_version ADD COLUMN nazorg BIGINT NOT NULL DEFAULT 0;
ALTER TABLE place_version ADD COLUMN initiatives BIGINT NOT NULL DEFAULT 0;
ALTER TABLE place_version ADD COLUMN areas BIGINT NOT NULL DEFAULT 0;
ALTER TABLE place_version ADD COLUMN partners BIGINT NOT NULL DEFAULT 0;
