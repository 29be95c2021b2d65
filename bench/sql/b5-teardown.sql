DROP TABLE IF EXISTS bench_b5_order_operation, bench_b5_payment_order;
