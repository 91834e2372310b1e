-- Dead letters are written idempotently, like every other table: a payload the broker redelivers
-- after a failover, a broker restart or a gateway's re-send is stored once. A dead letter keeps
-- only the first 4 KiB of its payload, so two payloads on the same topic with the same size and
-- the same first 4 KiB count as one.
DELETE FROM dead_letter a
USING dead_letter b
WHERE a.id > b.id
  AND a.topic = b.topic
  AND a.payload_bytes = b.payload_bytes
  AND a.payload_prefix = b.payload_prefix;
CREATE UNIQUE INDEX dead_letter_payload_key
    ON dead_letter (topic, payload_bytes, (sha256(payload_prefix)));
