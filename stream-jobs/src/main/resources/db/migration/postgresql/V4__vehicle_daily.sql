-- Daily per-vehicle figures as a plain view, with the same columns as TimescaleDB's continuous
-- aggregate, so the API's queries run on both.
CREATE VIEW vehicle_daily AS
SELECT vin,
       date_trunc('day', first_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day,
       sum(distance_km)  AS distance_km,
       sum(fuel_l)       AS fuel_l,
       count(*)          AS messages,
       sum(sample_count) AS samples
FROM telemetry_batch
GROUP BY vin, date_trunc('day', first_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
