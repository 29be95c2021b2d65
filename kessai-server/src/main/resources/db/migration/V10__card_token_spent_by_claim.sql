-- An MP token is spent by the claim of the operation that uses its card, in the claim's transaction (issue 9: a token
-- spent in a transaction of its own was lost when the node died before the claim). The order that spent it is kept:
-- while that order's processor call has not been answered (the node died, the outcome was unknown) the sealed card
-- data stays, so the merchant's retry of the same order can pay with the same token; it is erased as soon as the
-- processor answers, and by the purge when the token expires (30 minutes), as before.
ALTER TABLE card_token ADD COLUMN spent_order_id varchar(27);
ALTER TABLE card_token DROP CONSTRAINT card_token_check;
ALTER TABLE card_token ADD CONSTRAINT card_token_used_keeps_data_for_its_order
    CHECK (used_at IS NULL OR card_sealed IS NULL OR spent_order_id IS NOT NULL);
