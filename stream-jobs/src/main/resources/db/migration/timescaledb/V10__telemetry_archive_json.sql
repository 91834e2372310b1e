-- The archive column keeps each message's samples as text (json) instead of jsonb; why, and the
-- measurements, in db/migration/postgresql/V10. TimescaleDB refuses to change a column's type
-- while the hypertable has compression enabled, so compression is switched off around the change
-- (compressed chunks are decompressed first) and switched on again with the settings of V3.
SELECT remove_compression_policy('telemetry_batch', if_exists => true);
SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('telemetry_batch') c;
ALTER TABLE telemetry_batch SET (timescaledb.compress = false);
ALTER TABLE telemetry_batch ALTER COLUMN samples TYPE json USING samples::json;
DO $$
BEGIN
  ALTER TABLE telemetry_batch ALTER COLUMN samples SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'no lz4 in this server: telemetry_batch.samples keeps the default TOAST compression';
END $$;
ALTER TABLE telemetry_batch SET (timescaledb.compress, timescaledb.compress_segmentby = 'vin',
                                 timescaledb.compress_orderby = 'first_ts DESC, seq');
SELECT add_compression_policy('telemetry_batch', INTERVAL '7 days');
