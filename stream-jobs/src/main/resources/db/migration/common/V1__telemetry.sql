-- One row per telemetry message: the samples as received (personal data such as location left
-- out), and the distance and fuel the message adds. (vin, seq) identifies a message; first_ts is
-- part of the key because TimescaleDB partitions by it. Replays after a restart carry the same
-- values, so the sink's ON CONFLICT DO NOTHING makes them no-ops.
CREATE TABLE telemetry_batch (
    vin          text             NOT NULL,
    seq          bigint           NOT NULL,
    first_ts     timestamptz      NOT NULL,
    last_ts      timestamptz      NOT NULL,
    sample_count integer          NOT NULL,
    distance_km  double precision NOT NULL,
    fuel_l       double precision NOT NULL,
    samples      jsonb            NOT NULL,
    PRIMARY KEY (vin, seq, first_ts)
);
CREATE INDEX telemetry_batch_vin_ts_idx ON telemetry_batch (vin, first_ts DESC);

CREATE VIEW vehicle_totals AS
SELECT vin,
       sum(distance_km)  AS distance_km,
       sum(fuel_l)       AS fuel_l,
       count(*)          AS messages,
       sum(sample_count) AS samples,
       min(first_ts)     AS first_ts,
       max(last_ts)      AS last_ts
FROM telemetry_batch
GROUP BY vin;

-- Payloads the decoder rejected, with the reason and the first bytes of the payload.
CREATE TABLE dead_letter (
    id             bigserial   PRIMARY KEY,
    received_at    timestamptz NOT NULL,
    topic          text        NOT NULL,
    reason         text        NOT NULL,
    detail         text        NOT NULL,
    payload_prefix bytea       NOT NULL,
    payload_bytes  integer     NOT NULL
);
CREATE INDEX dead_letter_reason_idx ON dead_letter (reason, received_at);
