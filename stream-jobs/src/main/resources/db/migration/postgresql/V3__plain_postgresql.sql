-- Plain PostgreSQL (no timescaledb extension): the tables stay ordinary tables, with no
-- compression or retention policy. SchemaMigrator logs that it runs in this mode.
SELECT 1;
