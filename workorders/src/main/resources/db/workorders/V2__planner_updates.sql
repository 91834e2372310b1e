-- The planner re-publishes an open order under the same id when its forecast changes. The service
-- applies such an update only when it is newer than the version it holds: planned_at is the event
-- time (the message's createdAt) of the newest planner version applied; NULL means the inserted one
-- (created_at). A redelivered older version is then recognised and ignored.
ALTER TABLE work_order ADD COLUMN planned_at timestamptz;
