-- Plain PostgreSQL: the forecast table stays an ordinary table (no compression policy).
SELECT 1;
