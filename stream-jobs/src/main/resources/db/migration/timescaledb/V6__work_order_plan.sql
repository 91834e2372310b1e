-- TimescaleDB: the planner's order log is time-partitioned like the signals it comes from.
SELECT create_hypertable('work_order_plan', by_range('planned_at', INTERVAL '30 days'), migrate_data => true);
