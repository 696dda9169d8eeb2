-- A notice is shown in the language its reader has when reading it, not the one the reader had when it was sent
-- (ADR 0060): `text` holds the Dutch line and `text_en` the English one. Notices sent before this migration hold
-- their one line, in the language of the time, in `text` and no `text_en`; they are shown as they are.
ALTER TABLE notifications ADD COLUMN text_en TEXT;
