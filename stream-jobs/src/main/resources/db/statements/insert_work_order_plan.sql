INSERT INTO work_order_plan (id, planned_at, vin, dealer_id, kind, type, urgency, predicted_date,
                             due_from, due_to, probability, evidence, model_version,
                             service_package)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
ON CONFLICT (id, planned_at) DO NOTHING
