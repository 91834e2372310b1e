-- Distance and fuel per telemetry message. (vin, seq) identifies a message, so replays after a
-- restart are no-ops (the sink inserts with ON CONFLICT DO NOTHING).
CREATE TABLE vehicle_distance_fuel (
    vin          text             NOT NULL,
    seq          bigint           NOT NULL,
    first_ts     timestamptz      NOT NULL,
    last_ts      timestamptz      NOT NULL,
    distance_km  double precision NOT NULL,
    fuel_l       double precision NOT NULL,
    samples      integer          NOT NULL,
    PRIMARY KEY (vin, seq)
);

CREATE VIEW vehicle_totals AS
SELECT vin,
       sum(distance_km) AS distance_km,
       sum(fuel_l)      AS fuel_l,
       count(*)         AS messages,
       sum(samples)     AS samples,
       min(first_ts)    AS first_ts,
       max(last_ts)     AS last_ts
FROM vehicle_distance_fuel
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
