-- Schema 3: a checkpoint fever names the person whose reading it is.
-- vehicle_pass.driver_temperature: the driver's own reading (the passengers' are on occupant).
-- anomaly.subject_name: who the anomaly is about when no case names them (a passenger or driver
-- stopped at a checkpoint), shown on Today, in the anomaly lists, the daily report and the audit.
-- Rows from before keep NULL: their anomaly is still named by plate and driver, as it was.

ALTER TABLE vehicle_pass ADD COLUMN driver_temperature FLOAT;
ALTER TABLE anomaly ADD COLUMN subject_name VARCHAR(100);
