INSERT INTO forecast (vin, component, ts, predicted_date, low_date, high_date, probability_15d,
                      model_version, evidence)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
ON CONFLICT (vin, component, ts) DO NOTHING
