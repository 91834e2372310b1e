-- Derived per-vehicle indicators (names in SignalNames; the suffix is the unit).
CREATE TABLE vehicle_signal (
    vin   text             NOT NULL,
    ts    timestamptz      NOT NULL,
    name  text             NOT NULL,
    value double precision NOT NULL,
    PRIMARY KEY (vin, name, ts)
);

-- Trips, the input of fuel baselines, mileage and usage profiles.
CREATE TABLE trip (
    vin                    text             NOT NULL,
    start_ts               timestamptz      NOT NULL,
    end_ts                 timestamptz      NOT NULL,
    distance_km            double precision NOT NULL,
    fuel_l                 double precision NOT NULL,
    idle_share             double precision NOT NULL,
    stop_and_go_index      double precision NOT NULL,
    highway_share          double precision NOT NULL,
    night_share            double precision NOT NULL,
    mean_air_temperature_c double precision,
    PRIMARY KEY (vin, start_ts)
);

-- Diagnostic trouble codes: one row per occurrence, its status updated through its lifecycle.
CREATE TABLE fault_code (
    vin          text        NOT NULL,
    code         text        NOT NULL,
    first_set_ts timestamptz NOT NULL,
    status       text        NOT NULL CHECK (status IN ('SET', 'PERSISTENT', 'CLEARED')),
    changed_ts   timestamptz NOT NULL,
    description  text        NOT NULL,
    PRIMARY KEY (vin, code, first_set_ts)
);

-- The latest usage profile per vehicle.
CREATE TABLE usage_profile (
    vin              text             PRIMARY KEY,
    ts               timestamptz      NOT NULL,
    trips            integer          NOT NULL,
    short_trip_share double precision NOT NULL,
    commute_km       double precision NOT NULL,
    km_per_day       double precision NOT NULL,
    highway_share    double precision NOT NULL,
    night_share      double precision NOT NULL,
    scenario         text             NOT NULL
);
