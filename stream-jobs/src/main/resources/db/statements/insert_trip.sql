INSERT INTO trip (vin, start_ts, end_ts, distance_km, fuel_l, idle_share, stop_and_go_index,
                  highway_share, night_share, mean_air_temperature_c)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (vin, start_ts) DO NOTHING
