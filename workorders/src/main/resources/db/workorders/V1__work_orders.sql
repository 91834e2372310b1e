-- Work orders: written by the planner (stream job) and by the service, worked by advisors.
-- Identity is a UUID the planner derives from (vin, type, due window), so replays insert nothing.
CREATE TABLE work_order (
    id                  uuid             PRIMARY KEY,
    vin                 text             NOT NULL CHECK (length(vin) = 17),
    dealer_id           text             NOT NULL,
    department          text             NOT NULL
                        CHECK (department IN ('AFTER_SALES', 'SALES', 'CUSTOMER_SERVICE')),
    kind                text             NOT NULL CHECK (kind IN ('MAINTENANCE', 'CARE', 'FAULT')),
    type                text             NOT NULL
                        CHECK (type IN ('BRAKE_PADS', 'BATTERY_12V', 'TYRES', 'ENGINE_DEPOSITS',
                                        'TRACTION_BATTERY', 'MILEAGE_SERVICE', 'FAULT_CODE')
                               OR type ~ '^CARE_[A-Z0-9_]{1,40}$'),
    urgency             text             NOT NULL CHECK (urgency IN ('NORMAL', 'URGENT')),
    status              text             NOT NULL DEFAULT 'NEW'
                        CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'SCHEDULED', 'DONE', 'DISMISSED')),
    -- event time of the telemetry that caused the order (simulated time in an accelerated fleet)
    created_at          timestamptz      NOT NULL,
    -- service clock: when the order was stored; escalation counts from here
    received_at         timestamptz      NOT NULL DEFAULT now(),
    updated_at          timestamptz      NOT NULL DEFAULT now(),
    predicted_date      date,
    due_from            date             NOT NULL,
    due_to              date             NOT NULL,
    probability         double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
    evidence            jsonb            NOT NULL DEFAULT '{}'::jsonb,
    model_version       text,
    service_package     text,
    -- personal data, AES-GCM encrypted by the writer (format byte, nonce, ciphertext+tag)
    customer_phone_enc  bytea,
    location_enc        bytea,
    created_by          text             NOT NULL DEFAULT 'planner',
    -- lifecycle
    acknowledged_at     timestamptz,
    acknowledged_by     text,
    scheduled_at        timestamptz,
    appointment_at      timestamptz,
    done_at             timestamptz,
    done_parts          jsonb,
    done_odometer_km    double precision,
    customer_score      smallint         CHECK (customer_score BETWEEN 0 AND 10),
    done_notes          text,
    dismissed_at        timestamptz,
    dismiss_reason      text             CHECK (dismiss_reason IN ('FALSE_ALARM', 'CUSTOMER_DECLINED',
                                                'DUPLICATE', 'ALREADY_SERVICED', 'VEHICLE_SOLD', 'OTHER')),
    dismiss_note        text,
    escalated_at        timestamptz,
    escalated_to        text,
    -- SERVICE_PERFORMED sent to the stream (outbox: retried until set)
    service_event_sent_at timestamptz,
    version             integer          NOT NULL DEFAULT 0,
    CHECK (due_to >= due_from)
);

CREATE INDEX work_order_queue_idx ON work_order (dealer_id, status, due_from);
CREATE INDEX work_order_vin_idx ON work_order (vin, created_at);
CREATE INDEX work_order_escalation_idx ON work_order (received_at)
    WHERE status = 'NEW' AND escalated_at IS NULL;
CREATE INDEX work_order_outbox_idx ON work_order (done_at)
    WHERE status = 'DONE' AND service_event_sent_at IS NULL;

-- Who did what, when. Append-only: updates and deletes are refused.
CREATE TABLE work_order_audit (
    id          bigserial   PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES work_order (id),
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    actor_role  text        NOT NULL,
    action      text        NOT NULL,
    from_status text,
    to_status   text,
    detail      jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX work_order_audit_order_idx ON work_order_audit (order_id, id);

CREATE FUNCTION work_order_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'work_order_audit is append-only';
END $$;
CREATE TRIGGER work_order_audit_append_only
    BEFORE UPDATE OR DELETE ON work_order_audit
    FOR EACH ROW EXECUTE FUNCTION work_order_audit_append_only();

-- Every new order is audited, whoever inserts it (the planner's JDBC sink or the service).
CREATE FUNCTION work_order_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO work_order_audit (order_id, at, actor, actor_role, action, to_status, detail)
    VALUES (NEW.id, NEW.received_at, NEW.created_by, 'SYSTEM', 'CREATED', NEW.status,
            jsonb_build_object('type', NEW.type, 'urgency', NEW.urgency,
                               'dueFrom', NEW.due_from, 'dueTo', NEW.due_to));
    RETURN NULL;
END $$;
CREATE TRIGGER work_order_created
    AFTER INSERT ON work_order
    FOR EACH ROW EXECUTE FUNCTION work_order_created();

-- The live feed: the service LISTENs and pushes the order to its server-sent-event clients.
-- NOTIFY is delivered at commit, so listeners never see uncommitted orders.
CREATE FUNCTION work_order_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('work_order_changed', NEW.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER work_order_notify
    AFTER INSERT OR UPDATE ON work_order
    FOR EACH ROW EXECUTE FUNCTION work_order_notify();

-- Training labels from the advisors' verdicts: DONE confirms the prediction, a dismissal says why not.
CREATE VIEW work_order_label AS
SELECT id AS order_id, vin, type, model_version, created_at, predicted_date, due_from, due_to,
       probability,
       CASE WHEN status = 'DONE' THEN 'CONFIRMED' ELSE dismiss_reason END AS label,
       coalesce(done_at, dismissed_at) AS labelled_at,
       done_odometer_km
FROM work_order
WHERE status IN ('DONE', 'DISMISSED');

-- API users and their tokens (only SHA-256 hashes of tokens are stored).
CREATE TABLE api_user (
    username      text        PRIMARY KEY CHECK (username ~ '^[a-z0-9_.@-]{1,64}$'),
    display_name  text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('ADVISOR', 'CUSTOMER_SERVICE', 'MANAGER', 'ADMIN')),
    dealer_id     text,
    password_hash text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (role = 'ADMIN' OR dealer_id IS NOT NULL)
);
CREATE INDEX api_user_dealer_idx ON api_user (dealer_id, role);

CREATE TABLE api_token (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    username   text        NOT NULL REFERENCES api_user (username) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz,
    label      text        NOT NULL
);
CREATE INDEX api_token_user_idx ON api_token (username);
