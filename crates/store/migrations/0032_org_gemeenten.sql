-- Who works where (issue 19, ADR 0039): the CBS gemeente codes an organisation carries, each with the year of the
-- boundary set it comes from (municipalities merge, and their codes go with them). A municipality's codes bound what
-- it sees of any corporation's stock; a corporation's rows are the gemeenten it declares beside those where it has
-- stock (which are derived from its units, never stored here). Set by the platform administrator.
CREATE TABLE org_gemeenten (
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    gemeente_code TEXT NOT NULL,
    boundary_year BIGINT NOT NULL,
    PRIMARY KEY (org_id, gemeente_code)
);
CREATE INDEX org_gemeenten_code ON org_gemeenten(gemeente_code);
