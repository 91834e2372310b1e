-- TimescaleDB: time-partitioned hypertables, compression and retention, and a continuous
-- aggregate of daily per-vehicle figures. Applied only where the extension is available
-- (SchemaMigrator chooses); plain PostgreSQL gets V3 from db/migration/postgresql instead.
SELECT create_hypertable('telemetry_batch', by_range('first_ts', INTERVAL '1 day'), migrate_data => true);
SELECT create_hypertable('vehicle_signal', by_range('ts', INTERVAL '7 days'), migrate_data => true);
SELECT create_hypertable('trip', by_range('start_ts', INTERVAL '7 days'), migrate_data => true);

-- Old chunks are read per vehicle, so compress segmented by VIN.
ALTER TABLE telemetry_batch SET (timescaledb.compress, timescaledb.compress_segmentby = 'vin',
                                 timescaledb.compress_orderby = 'first_ts DESC, seq');
ALTER TABLE vehicle_signal SET (timescaledb.compress, timescaledb.compress_segmentby = 'vin, name',
                                timescaledb.compress_orderby = 'ts DESC');
ALTER TABLE trip SET (timescaledb.compress, timescaledb.compress_segmentby = 'vin',
                      timescaledb.compress_orderby = 'start_ts DESC');
SELECT add_compression_policy('telemetry_batch', INTERVAL '7 days');
SELECT add_compression_policy('vehicle_signal', INTERVAL '30 days');
SELECT add_compression_policy('trip', INTERVAL '30 days');

-- Raw samples are the bulk; signals and trips keep the history that models train on.
SELECT add_retention_policy('telemetry_batch', INTERVAL '400 days');
