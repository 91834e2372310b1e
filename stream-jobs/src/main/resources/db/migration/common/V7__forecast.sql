-- Component forecasts of the predictor operator: one row per vehicle, component and forecast
-- time (the event time of the newest data behind it). The planner plans work orders from the same
-- forecasts; this table keeps them for the advisor's evidence, evaluation and retraining.
CREATE TABLE forecast (
    vin              text             NOT NULL,
    component        text             NOT NULL,
    ts               timestamptz      NOT NULL,
    predicted_date   date,
    low_date         date,
    high_date        date,
    probability_15d  double precision NOT NULL CHECK (probability_15d BETWEEN 0 AND 1),
    model_version    text             NOT NULL,
    evidence         jsonb            NOT NULL,
    PRIMARY KEY (vin, component, ts)
);
