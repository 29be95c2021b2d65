-- openapi_idempotency.request_hash becomes an HMAC-SHA-256 under a key derived from the master key (which is never
-- in the database) instead of a plain SHA-256 of the request body: a /credit/charge body holds the card number and
-- the security code, and a plain hash of it can be tested against guesses. The plain hashes written before this
-- version are removed; they cannot be turned into HMACs here. A record left without one matches any repeat for its
-- endpoint until it leaves the 24-hour window and the purge deletes it.
ALTER TABLE openapi_idempotency ALTER COLUMN request_hash DROP NOT NULL;
UPDATE openapi_idempotency SET request_hash = NULL;
