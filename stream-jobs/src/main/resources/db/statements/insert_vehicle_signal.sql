INSERT INTO vehicle_signal (vin, ts, name, value)
VALUES (?, ?, ?, ?)
ON CONFLICT (vin, name, ts) DO NOTHING
