SELECT ts, value
FROM vehicle_signal
WHERE vin = ? AND name = ? AND ts >= ? AND ts < ?
ORDER BY ts
