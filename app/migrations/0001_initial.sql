-- Schema 1: the first released schema of Fangyi Ledger (防疫台账).
-- Generated from app/models at release, then frozen: later changes go in new numbered files.
-- tests/test_migrations.py checks that the migrated schema equals the models.

CREATE TABLE audit_entry (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	operator VARCHAR(50) NOT NULL, 
	action VARCHAR(20) NOT NULL, 
	entity VARCHAR(30) NOT NULL, 
	entity_id INTEGER, 
	person_id INTEGER, 
	changes TEXT NOT NULL, 
	summary VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);

CREATE INDEX ix_audit_entry_at ON audit_entry (at);

CREATE INDEX ix_audit_entry_entity ON audit_entry (entity, entity_id);

CREATE INDEX ix_audit_entry_person_id ON audit_entry (person_id);

CREATE TABLE category (
	id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	sort_order INTEGER NOT NULL, 
	active BOOLEAN NOT NULL, 
	CONSTRAINT pk_category PRIMARY KEY (id), 
	CONSTRAINT uq_category_name UNIQUE (name)
);

CREATE TABLE checkpoint (
	id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	location VARCHAR(100), 
	level VARCHAR(10) NOT NULL, 
	responsible VARCHAR(50), 
	active BOOLEAN NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_checkpoint PRIMARY KEY (id), 
	CONSTRAINT uq_checkpoint_name UNIQUE (name)
);

CREATE TABLE end_reason (
	id INTEGER NOT NULL, 
	name VARCHAR(30) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	sort_order INTEGER NOT NULL, 
	CONSTRAINT pk_end_reason PRIMARY KEY (id), 
	CONSTRAINT uq_end_reason_name UNIQUE (name)
);

CREATE TABLE measure (
	id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	default_days INTEGER NOT NULL, 
	needs_readings BOOLEAN NOT NULL, 
	sort_order INTEGER NOT NULL, 
	active BOOLEAN NOT NULL, 
	CONSTRAINT pk_measure PRIMARY KEY (id), 
	CONSTRAINT uq_measure_name UNIQUE (name)
);

CREATE TABLE person (
	id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	search_key VARCHAR(200) NOT NULL, 
	sex VARCHAR(2), 
	id_type VARCHAR(30) NOT NULL, 
	id_number VARCHAR(30), 
	birth_date DATE, 
	phone VARCHAR(30), 
	address VARCHAR(200), 
	group_name VARCHAR(50), 
	note TEXT, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	deleted_at DATETIME, 
	CONSTRAINT pk_person PRIMARY KEY (id)
);

CREATE INDEX ix_person_group_name ON person (group_name);

CREATE INDEX ix_person_search_key ON person (search_key);

CREATE UNIQUE INDEX uq_person_live_id_number ON person (id_number) WHERE deleted_at IS NULL AND id_number IS NOT NULL;

CREATE TABLE setting (
	"key" VARCHAR(50) NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_setting PRIMARY KEY ("key")
);

CREATE TABLE staff_role (
	id INTEGER NOT NULL, 
	name VARCHAR(30) NOT NULL, 
	sort_order INTEGER NOT NULL, 
	CONSTRAINT pk_staff_role PRIMARY KEY (id), 
	CONSTRAINT uq_staff_role_name UNIQUE (name)
);

CREATE TABLE unit_profile (
	id INTEGER NOT NULL, 
	unit_name VARCHAR(100) NOT NULL, 
	township VARCHAR(100) NOT NULL, 
	reporter VARCHAR(50) NOT NULL, 
	phone VARCHAR(30) NOT NULL, 
	reviewer VARCHAR(50) NOT NULL, 
	CONSTRAINT pk_unit_profile PRIMARY KEY (id)
);

CREATE TABLE measure_required_role (
	measure_id INTEGER NOT NULL, 
	role_id INTEGER NOT NULL, 
	CONSTRAINT pk_measure_required_role PRIMARY KEY (measure_id, role_id), 
	CONSTRAINT fk_measure_required_role_measure_id_measure FOREIGN KEY(measure_id) REFERENCES measure (id), 
	CONSTRAINT fk_measure_required_role_role_id_staff_role FOREIGN KEY(role_id) REFERENCES staff_role (id)
);

CREATE TABLE staff (
	id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	role_id INTEGER NOT NULL, 
	phone VARCHAR(30), 
	organisation VARCHAR(100), 
	active BOOLEAN NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	deleted_at DATETIME, 
	CONSTRAINT pk_staff PRIMARY KEY (id), 
	CONSTRAINT fk_staff_role_id_staff_role FOREIGN KEY(role_id) REFERENCES staff_role (id)
);

CREATE TABLE vehicle_pass (
	id INTEGER NOT NULL, 
	checkpoint_id INTEGER NOT NULL, 
	passed_at DATETIME NOT NULL, 
	direction VARCHAR(2) NOT NULL, 
	plate VARCHAR(20) NOT NULL, 
	plate_kind VARCHAR(20) NOT NULL, 
	vehicle_type VARCHAR(20), 
	driver_name VARCHAR(50), 
	driver_id_number VARCHAR(30), 
	driver_phone VARCHAR(30), 
	people_aboard INTEGER NOT NULL, 
	origin VARCHAR(100), 
	destination VARCHAR(100), 
	purpose VARCHAR(100), 
	max_temperature FLOAT, 
	disinfected BOOLEAN NOT NULL, 
	disposition VARCHAR(10) NOT NULL, 
	abnormal BOOLEAN NOT NULL, 
	action_taken VARCHAR(200), 
	duty_staff VARCHAR(100), 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	deleted_at DATETIME, 
	CONSTRAINT pk_vehicle_pass PRIMARY KEY (id), 
	CONSTRAINT fk_vehicle_pass_checkpoint_id_checkpoint FOREIGN KEY(checkpoint_id) REFERENCES checkpoint (id)
);

CREATE INDEX ix_vehicle_pass_checkpoint_time ON vehicle_pass (checkpoint_id, passed_at);

CREATE INDEX ix_vehicle_pass_passed_at ON vehicle_pass (passed_at);

CREATE INDEX ix_vehicle_pass_plate ON vehicle_pass (plate);

CREATE TABLE case_record (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	category_id INTEGER NOT NULL, 
	measure_id INTEGER NOT NULL, 
	origin VARCHAR(200), 
	arrival_date DATE, 
	registered_on DATE NOT NULL, 
	start_date DATE NOT NULL, 
	planned_end DATE, 
	ended_on DATE, 
	end_reason_id INTEGER, 
	source_pass_id INTEGER, 
	note TEXT, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	deleted_at DATETIME, 
	CONSTRAINT pk_case_record PRIMARY KEY (id), 
	CONSTRAINT fk_case_record_person_id_person FOREIGN KEY(person_id) REFERENCES person (id), 
	CONSTRAINT fk_case_record_category_id_category FOREIGN KEY(category_id) REFERENCES category (id), 
	CONSTRAINT fk_case_record_measure_id_measure FOREIGN KEY(measure_id) REFERENCES measure (id), 
	CONSTRAINT fk_case_record_end_reason_id_end_reason FOREIGN KEY(end_reason_id) REFERENCES end_reason (id), 
	CONSTRAINT fk_case_record_source_pass_id_vehicle_pass FOREIGN KEY(source_pass_id) REFERENCES vehicle_pass (id)
);

CREATE INDEX ix_case_record_ended_on ON case_record (ended_on);

CREATE INDEX ix_case_record_period ON case_record (start_date, ended_on);

CREATE INDEX ix_case_record_person_id ON case_record (person_id);

CREATE INDEX ix_case_record_registered_on ON case_record (registered_on);

CREATE TABLE assignment (
	id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	staff_id INTEGER NOT NULL, 
	role_id INTEGER NOT NULL, 
	since DATE NOT NULL, 
	until DATE, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_assignment PRIMARY KEY (id), 
	CONSTRAINT fk_assignment_case_id_case_record FOREIGN KEY(case_id) REFERENCES case_record (id), 
	CONSTRAINT fk_assignment_staff_id_staff FOREIGN KEY(staff_id) REFERENCES staff (id), 
	CONSTRAINT fk_assignment_role_id_staff_role FOREIGN KEY(role_id) REFERENCES staff_role (id)
);

CREATE INDEX ix_assignment_case_role ON assignment (case_id, role_id);

CREATE INDEX ix_assignment_staff_id ON assignment (staff_id);

CREATE TABLE occupant (
	id INTEGER NOT NULL, 
	pass_id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	id_number VARCHAR(30), 
	phone VARCHAR(30), 
	temperature FLOAT, 
	case_id INTEGER, 
	CONSTRAINT pk_occupant PRIMARY KEY (id), 
	CONSTRAINT fk_occupant_pass_id_vehicle_pass FOREIGN KEY(pass_id) REFERENCES vehicle_pass (id), 
	CONSTRAINT fk_occupant_case_id_case_record FOREIGN KEY(case_id) REFERENCES case_record (id)
);

CREATE INDEX ix_occupant_pass_id ON occupant (pass_id);

CREATE TABLE temperature_reading (
	id INTEGER NOT NULL, 
	case_id INTEGER NOT NULL, 
	reading_date DATE NOT NULL, 
	slot VARCHAR(2) NOT NULL, 
	celsius FLOAT NOT NULL, 
	symptoms VARCHAR(100) NOT NULL, 
	measured_by VARCHAR(50), 
	recorded_at DATETIME NOT NULL, 
	note VARCHAR(200), 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_temperature_reading PRIMARY KEY (id), 
	CONSTRAINT fk_temperature_reading_case_id_case_record FOREIGN KEY(case_id) REFERENCES case_record (id)
);

CREATE INDEX ix_reading_day_slot ON temperature_reading (reading_date, slot);

CREATE UNIQUE INDEX uq_reading_case_day_slot ON temperature_reading (case_id, reading_date, slot);

CREATE TABLE anomaly (
	id INTEGER NOT NULL, 
	case_id INTEGER, 
	reading_id INTEGER, 
	pass_id INTEGER, 
	kind VARCHAR(20) NOT NULL, 
	detected_on DATE NOT NULL, 
	slot VARCHAR(2), 
	observation VARCHAR(200) NOT NULL, 
	action VARCHAR(200), 
	handled_by VARCHAR(50), 
	handled_at DATETIME, 
	closed BOOLEAN NOT NULL, 
	outcome TEXT, 
	closed_at DATETIME, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_anomaly PRIMARY KEY (id), 
	CONSTRAINT fk_anomaly_case_id_case_record FOREIGN KEY(case_id) REFERENCES case_record (id), 
	CONSTRAINT fk_anomaly_reading_id_temperature_reading FOREIGN KEY(reading_id) REFERENCES temperature_reading (id), 
	CONSTRAINT fk_anomaly_pass_id_vehicle_pass FOREIGN KEY(pass_id) REFERENCES vehicle_pass (id)
);

CREATE INDEX ix_anomaly_case_id ON anomaly (case_id);

CREATE INDEX ix_anomaly_open ON anomaly (closed, detected_on);

-- Reference lists a clerk can edit later in Settings.
INSERT INTO staff_role (id, name, sort_order) VALUES
  (1, '医护人员', 1), (2, '村干部', 2), (3, '乡镇干部', 3), (4, '民警', 4), (5, '网格员', 5);

INSERT INTO category (id, name, sort_order, active) VALUES
  (1, '密切接触者', 1, 1), (2, '次密切接触者', 2, 1), (3, '中高风险地区返乡人员', 3, 1),
  (4, '境外入境人员', 4, 1), (5, '发热人员', 5, 1), (6, '其他重点人员', 6, 1);

-- Default lengths follow the 9th edition of the national protocol; policies change, so they are settings.
INSERT INTO measure (id, name, default_days, needs_readings, sort_order, active) VALUES
  (1, '居家隔离医学观察', 7, 1, 1, 1), (2, '居家健康监测', 3, 1, 2, 1),
  (3, '集中隔离医学观察', 7, 0, 3, 1), (4, '仅登记', 0, 0, 4, 1);

-- 三包一: a medical worker, a village cadre and a township cadre for each person at home.
INSERT INTO measure_required_role (measure_id, role_id) VALUES
  (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3);

INSERT INTO end_reason (id, name, kind, sort_order) VALUES
  (1, '期满解除', 'release', 1), (2, '转集中隔离', 'transfer', 2), (3, '送医/转诊', 'medical', 3),
  (4, '确诊', 'medical', 4), (5, '迁出', 'other', 5), (6, '其他', 'other', 6);

INSERT INTO unit_profile (id, unit_name, township, reporter, phone, reviewer) VALUES
  (1, '', '', '', '', '');
