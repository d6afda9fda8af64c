-- Schema 4: 核酸检测 — nucleic-acid test results (issue 22).
-- One row per person and sample day (re-importing a lab's list adds nothing); case_id is the period
-- of management the test counted for (NULL for a 全员核酸 round of someone not under management).
-- Which days are due is a setting (test_schedule), not a table.

CREATE TABLE nucleic_acid_test (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	case_id INTEGER, 
	sample_date DATE NOT NULL, 
	result VARCHAR(4) NOT NULL, 
	tested_on DATE, 
	lab VARCHAR(100), 
	source VARCHAR(10) NOT NULL, 
	note VARCHAR(200), 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_nucleic_acid_test PRIMARY KEY (id), 
	CONSTRAINT fk_nucleic_acid_test_person_id_person FOREIGN KEY(person_id) REFERENCES person (id), 
	CONSTRAINT fk_nucleic_acid_test_case_id_case_record FOREIGN KEY(case_id) REFERENCES case_record (id)
);

CREATE INDEX ix_nucleic_acid_test_case_id ON nucleic_acid_test (case_id);

CREATE INDEX ix_nucleic_acid_test_result ON nucleic_acid_test (result);

CREATE INDEX ix_nucleic_acid_test_sample_date ON nucleic_acid_test (sample_date);

CREATE UNIQUE INDEX uq_nucleic_acid_test_person_day ON nucleic_acid_test (person_id, sample_date);
