-- Plain PostgreSQL: work_order_plan stays an ordinary table.
SELECT 1;
