-- TimescaleDB: forecasts are a time series like the signals (daily per vehicle and component).
SELECT create_hypertable('forecast', by_range('ts', INTERVAL '7 days'), migrate_data => true);
ALTER TABLE forecast SET (timescaledb.compress, timescaledb.compress_segmentby = 'vin, component',
                          timescaledb.compress_orderby = 'ts DESC');
SELECT add_compression_policy('forecast', INTERVAL '30 days');
