-- Scale phase: preloads :n valid credit orders with SQL, spread over the bench shops (ShopIDs starting with :prefix).
-- Every order is a copy of one real order that Kessai charged through POST /credit/charge (:template, its accessId),
-- so the rows are valid for whatever columns the schema has at the time of the run; only the keys differ:
--   order g (1..n): shop = the bench shops in ShopID order, index g % shops; order_id 'pre-' || g;
--   access_id md5('pre' || g) (the load generator computes the same to look them up); access_pass md5('pass' || g).
-- credit_order gets the template's card details for each new order. Then ANALYZE and a CHECKPOINT, so that neither
-- statistics nor the checkpoint of the load fall into the measurement.
--   psql -v n=1000000 -v template=<accessId> -v prefix=tbench -f bench/sql/preload.sql
\set ON_ERROR_STOP on
SELECT set_config('bench.n', :'n', false), set_config('bench.template', :'template', false),
       set_config('bench.prefix', :'prefix', false) \gset zz_
DO $$
DECLARE
    n        bigint := current_setting('bench.n')::bigint;
    shops    bigint[] := (SELECT array_agg(id ORDER BY shop_id) FROM shop
                          WHERE shop_id LIKE current_setting('bench.prefix') || '%');
    template bigint := (SELECT id FROM payment_order WHERE access_id = current_setting('bench.template'));
    first_id bigint := (SELECT COALESCE(max(id), 0) FROM payment_order);
    cols     text;
    vals     text;
BEGIN
    IF template IS NULL OR shops IS NULL THEN
        RAISE EXCEPTION 'no template order % or no bench shops %', current_setting('bench.template'),
            current_setting('bench.prefix');
    END IF;
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
           string_agg(CASE column_name
                          WHEN 'shop_pk' THEN format('(%L::bigint[])[1 + g %% %s]', shops, cardinality(shops))
                          WHEN 'order_id' THEN '''pre-'' || g'
                          WHEN 'access_id' THEN 'md5(''pre'' || g)'
                          WHEN 'access_pass' THEN 'md5(''pass'' || g)'
                          ELSE 't.' || quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
      INTO cols, vals
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'payment_order' AND is_identity = 'NO'
       AND is_generated = 'NEVER';
    EXECUTE format('INSERT INTO payment_order (%s) SELECT %s FROM generate_series(1, %s) g, payment_order t'
                   ' WHERE t.id = %s', cols, vals, n, template);
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
           string_agg(CASE column_name WHEN 'order_pk' THEN 'o.id' ELSE 't.' || quote_ident(column_name) END,
                      ', ' ORDER BY ordinal_position)
      INTO cols, vals
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'credit_order' AND is_identity = 'NO'
       AND is_generated = 'NEVER';
    EXECUTE format('INSERT INTO credit_order (%s) SELECT %s FROM payment_order o, credit_order t'
                   ' WHERE o.id > %s AND o.order_id LIKE ''pre-%%'' AND t.order_pk = %s', cols, vals, first_id, template);
END $$;
ANALYZE payment_order;
ANALYZE credit_order;
CHECKPOINT;
SELECT count(*) AS orders FROM payment_order;
