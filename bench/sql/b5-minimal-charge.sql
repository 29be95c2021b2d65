-- B5 "minimal durable charge" (pgbench -M prepared, -D shop_lo=<first bench shop pk> -D shop_count=<shops>):
-- the smallest SQL a write-ahead charge needs. One claim transaction writes the order and its journal (attempt)
-- row before the processor call; one finish transaction records the result on both. Two commits, two WAL flushes.
-- The processor call itself is left out: this is what the database alone allows. Client c works for one shop,
-- as connection c of the HTTP load does.
\set shop :shop_lo + :client_id % :shop_count
BEGIN;
INSERT INTO bench_b5_payment_order (shop_pk, order_id, payment_method, access_id, access_pass, status, job_cd,
    amount_yen, tax_yen, pending_operation, processed_at, created_at, updated_at, channel)
VALUES (:shop, substr(md5(random()::text), 1, 27), 'CREDIT', md5(random()::text), md5(random()::text),
    'UNPROCESSED', 'CAPTURE', 1000, 0, 'CAPTURE', now(), now(), now(), 'OPENAPI')
RETURNING id AS order_pk \gset
INSERT INTO bench_b5_order_operation (order_pk, operation, state, processor_ref, started_at)
VALUES (:order_pk, 'CAPTURE', 'PENDING', md5(random()::text), now())
RETURNING id AS operation_pk \gset
COMMIT;
BEGIN;
UPDATE bench_b5_order_operation SET state = 'SUCCEEDED', finished_at = now() WHERE id = :operation_pk;
UPDATE bench_b5_payment_order SET status = 'CAPTURE', pending_operation = NULL, processor_ref = 'ref',
    processed_at = now(), updated_at = now() WHERE id = :order_pk;
COMMIT;
