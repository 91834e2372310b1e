INSERT INTO vehicle_distance_fuel (vin, seq, first_ts, last_ts, distance_km, fuel_l, samples)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (vin, seq) DO NOTHING
