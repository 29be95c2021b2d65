-- MP tokens (MPクレカトークン, seed 003) and the keys of the browser tokenizer (mp-token.js).

-- Per shop: the tokenizer's API key (public: it sits in the merchant's page and names the shop) and an RSA key pair.
-- The public key (X.509 SubjectPublicKeyInfo, DER) is handed to the merchant; the private key (PKCS#8, DER) is
-- sealed by the field cipher (AES-256-GCM envelope keys) and never leaves the server.
CREATE TABLE mp_token_key (
    shop_pk          bigint      PRIMARY KEY REFERENCES shop (id),
    api_key          varchar(128) NOT NULL UNIQUE,
    public_key       bytea       NOT NULL,
    private_key_enc  bytea       NOT NULL,
    created_at       timestamptz NOT NULL
);

-- One row per issued token. The token itself is never stored: the row is found by an HMAC of the token under a key
-- derived from the master key, and the card data is sealed (AES-256-GCM) under a second key derived from the master
-- key AND the token, so neither a database copy nor the master key alone opens it. The sealed data (card number,
-- expiry, holder, security code) is erased when the token is used; expired rows are deleted by the purge.
CREATE TABLE card_token (
    token_id           bytea       PRIMARY KEY,
    shop_pk            bigint      NOT NULL REFERENCES shop (id),
    card_sealed        bytea,
    masked_card_no     varchar(32) NOT NULL,
    security_code_set  boolean     NOT NULL,
    created_at         timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    used_at            timestamptz,
    CHECK (used_at IS NULL OR card_sealed IS NULL)
);

CREATE INDEX card_token_expires_at ON card_token (expires_at);

-- Where a credit charge's card came from (card data, an MP token, or an Apple Pay / Google Pay token): the OpenAPI
-- type shows it as creditResult.cardType.
ALTER TABLE credit_order ADD COLUMN card_source varchar(16) NOT NULL DEFAULT 'CARD_DATA'
    CHECK (card_source IN ('CARD_DATA', 'MP_TOKEN', 'APPLE_PAY', 'GOOGLE_PAY'));
