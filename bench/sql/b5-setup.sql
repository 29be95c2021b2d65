-- B5 "minimal durable charge": scratch copies of Kessai's payment_order and order_operation, made at the time of the
-- run with LIKE ... INCLUDING ALL (the same columns, defaults, identity, CHECK constraints and indexes), plus the
-- foreign keys Kessai's tables have (LIKE does not copy them). Dropped again by b5-teardown.sql.
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS bench_b5_order_operation, bench_b5_payment_order;
CREATE TABLE bench_b5_payment_order (LIKE payment_order INCLUDING ALL);
CREATE TABLE bench_b5_order_operation (LIKE order_operation INCLUDING ALL);
ALTER TABLE bench_b5_payment_order ADD FOREIGN KEY (shop_pk) REFERENCES shop (id);
ALTER TABLE bench_b5_order_operation ADD FOREIGN KEY (order_pk) REFERENCES bench_b5_payment_order (id);
