-- Schema 4: several clerks on one ledger (a township server).
-- version: optimistic concurrency — every save of a person, a case, a reading or an anomaly
-- checks the version the clerk's form was loaded at and counts it up, so a second clerk's save
-- of the same record is refused (已被他人修改) instead of silently overwriting the first.
-- unit: the village or 社区 a person (and an account) belongs to; NULL on a village's own
-- ledger (everything is its own) and, for an account, a township account that sees every unit.

ALTER TABLE person ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE case_record ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE temperature_reading ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE anomaly ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE person ADD COLUMN unit VARCHAR(50);
ALTER TABLE operator ADD COLUMN unit VARCHAR(50);
CREATE INDEX ix_person_unit ON person (unit);
