-- Every work order the planner emitted, each version once: the same rows the job publishes on
-- fleet/service/{dealerId}/work-orders. The work-order service keeps the advisors' copy (its own
-- work_order table, with the lifecycle); this is the planner's own record, for scoring forecasts
-- against ground truth and for training. planned_at is the order's createdAt (event time of the
-- input that caused this version), so a replay after a restart inserts nothing new.
CREATE TABLE work_order_plan (
    id              uuid             NOT NULL,
    planned_at      timestamptz      NOT NULL,
    vin             text             NOT NULL,
    dealer_id       text             NOT NULL,
    kind            text             NOT NULL,
    type            text             NOT NULL,
    urgency         text             NOT NULL,
    predicted_date  date,
    due_from        date             NOT NULL,
    due_to          date             NOT NULL,
    probability     double precision NOT NULL,
    evidence        jsonb            NOT NULL,
    model_version   text,
    service_package text,
    PRIMARY KEY (id, planned_at)
);
CREATE INDEX work_order_plan_vin_idx ON work_order_plan (vin, planned_at);
