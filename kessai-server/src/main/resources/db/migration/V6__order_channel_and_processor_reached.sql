-- The read model says which face created a transaction and whether its processor was ever reached (an answer, or a
-- call whose outcome is unknown), so no face has to read the journal for it.
ALTER TABLE payment_order ADD COLUMN channel varchar(16);
UPDATE payment_order SET channel = CASE payment_method WHEN 'CREDIT' THEN 'OPENAPI' ELSE 'IDPASS' END;
ALTER TABLE payment_order ALTER COLUMN channel SET NOT NULL;

ALTER TABLE payment_order ADD COLUMN processor_reached boolean NOT NULL DEFAULT false;
UPDATE payment_order o SET processor_reached = true
 WHERE EXISTS (SELECT 1 FROM order_operation a
                WHERE a.order_pk = o.id
                  AND (a.result_code IS NULL
                       OR a.result_code NOT IN ('PROCESSOR_UNAVAILABLE', 'PROCESSOR_MAINTENANCE')));

-- Concurrency limits are counted in each node's memory (no statement, no WAL flush, nothing outlives its node).
DROP TABLE openapi_concurrency_slot;
