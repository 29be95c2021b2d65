-- A NET CASH failure is recorded as the core's result code (e.g. PAYMENT_FAILED); each face maps it to its own wire
-- code. V2 stored the idpass ErrInfo itself, a face detail in the core's table.
ALTER TABLE netcash_order RENAME COLUMN err_info TO failure;
ALTER TABLE netcash_order ALTER COLUMN failure TYPE varchar(64);
UPDATE netcash_order SET failure = 'PAYMENT_FAILED' WHERE failure = 'NC1000009';
