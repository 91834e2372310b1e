INSERT INTO dead_letter (received_at, topic, reason, detail, payload_prefix, payload_bytes)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (topic, payload_bytes, (sha256(payload_prefix))) DO NOTHING
