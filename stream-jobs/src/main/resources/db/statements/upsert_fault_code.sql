INSERT INTO fault_code (vin, code, first_set_ts, status, changed_ts, description)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (vin, code, first_set_ts) DO UPDATE
SET status = EXCLUDED.status, changed_ts = EXCLUDED.changed_ts
WHERE fault_code.changed_ts <= EXCLUDED.changed_ts
