INSERT INTO usage_profile (vin, ts, trips, short_trip_share, commute_km, km_per_day, highway_share,
                           night_share, scenario)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (vin) DO UPDATE
SET ts = EXCLUDED.ts, trips = EXCLUDED.trips, short_trip_share = EXCLUDED.short_trip_share,
    commute_km = EXCLUDED.commute_km, km_per_day = EXCLUDED.km_per_day,
    highway_share = EXCLUDED.highway_share, night_share = EXCLUDED.night_share,
    scenario = EXCLUDED.scenario
WHERE usage_profile.ts <= EXCLUDED.ts
