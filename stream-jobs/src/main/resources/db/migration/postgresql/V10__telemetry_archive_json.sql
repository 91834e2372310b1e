-- The archive column keeps each message's samples as text (json) instead of jsonb. Nothing queries
-- inside it, json stores the payload exactly as received, and jsonb's conversion plus its larger
-- TOAST compression made it most of PostgreSQL's cost per message: 30,000 rows of 3.3 kB took 4.5 s
-- to insert as jsonb, 2.2 s as json, 1.3 s as json with lz4, 0.2 s without the column
-- (docs/benchmarks/README.md). lz4 only where the server was built with it.
ALTER TABLE telemetry_batch ALTER COLUMN samples TYPE json USING samples::json;
DO $$
BEGIN
  ALTER TABLE telemetry_batch ALTER COLUMN samples SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'no lz4 in this server: telemetry_batch.samples keeps the default TOAST compression';
END $$;
