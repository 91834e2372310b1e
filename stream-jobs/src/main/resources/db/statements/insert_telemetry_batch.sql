INSERT INTO telemetry_batch (vin, seq, first_ts, last_ts, sample_count, distance_km, fuel_l, samples)
VALUES (?, ?, ?, ?, ?, ?, ?, ?::json)
ON CONFLICT (vin, seq, first_ts) DO NOTHING
