SELECT day, distance_km, fuel_l, messages, samples
FROM vehicle_daily
WHERE vin = ? AND day >= ? AND day < ?
ORDER BY day
