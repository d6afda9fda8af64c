-- Schema 2: operator accounts (操作员账号) for sign-in, the lock screen and role permissions.
-- Passwords are stored as salted scrypt hashes only. An empty table means "no sign-in yet":
-- the ledger stays open, as before, until the first administrator is created.

CREATE TABLE operator (
	id INTEGER NOT NULL, 
	username VARCHAR(50) NOT NULL, 
	display_name VARCHAR(50) NOT NULL, 
	role VARCHAR(10) NOT NULL, 
	password_hash VARCHAR(200) NOT NULL, 
	failed_attempts INTEGER NOT NULL, 
	locked_until DATETIME, 
	active BOOLEAN NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	CONSTRAINT pk_operator PRIMARY KEY (id), 
	CONSTRAINT uq_operator_username UNIQUE (username)
);
