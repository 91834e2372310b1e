INSERT INTO dead_letter (received_at, topic, reason, detail, payload_prefix, payload_bytes)
VALUES (?, ?, ?, ?, ?, ?)
