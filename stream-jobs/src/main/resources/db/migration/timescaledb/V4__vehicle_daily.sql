-- Daily per-vehicle figures, maintained by TimescaleDB as a continuous aggregate.
CREATE MATERIALIZED VIEW vehicle_daily
WITH (timescaledb.continuous) AS
SELECT vin,
       time_bucket(INTERVAL '1 day', first_ts) AS day,
       sum(distance_km)  AS distance_km,
       sum(fuel_l)       AS fuel_l,
       count(*)          AS messages,
       sum(sample_count) AS samples
FROM telemetry_batch
GROUP BY vin, time_bucket(INTERVAL '1 day', first_ts)
WITH NO DATA;

SELECT add_continuous_aggregate_policy('vehicle_daily',
    start_offset => INTERVAL '30 days', end_offset => INTERVAL '1 hour',
    schedule_interval => INTERVAL '15 minutes');
