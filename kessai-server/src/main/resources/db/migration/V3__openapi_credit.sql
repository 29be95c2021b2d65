-- openapi face platform (access tokens, idempotency keys, concurrency slots), credit card order details and the
-- card acquirer simulator's books. Card numbers never appear in clear: masked number and brand only.

-- Bearer tokens issued by POST /token. Only the SHA-256 of the token is stored; several may be valid at once.
CREATE TABLE openapi_access_token (
    token_hash bytea       PRIMARY KEY,
    shop_pk    bigint      NOT NULL REFERENCES shop (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX openapi_access_token_expiry ON openapi_access_token (expires_at);

-- Idempotency-Key records, per shop. IN_FLIGHT while the first request runs (with a lease so that a crashed node
-- does not block the key forever), DONE with the first successful response, UNKNOWN when the processor's answer
-- was lost (the retry then looks at the order instead of processing again). Failed first attempts are deleted.
CREATE TABLE openapi_idempotency (
    shop_pk       bigint       NOT NULL REFERENCES shop (id),
    idem_key      varchar(36)  NOT NULL,
    endpoint      varchar(40)  NOT NULL,
    request_hash  bytea        NOT NULL,
    state         varchar(16)  NOT NULL CHECK (state IN ('IN_FLIGHT', 'DONE', 'UNKNOWN')),
    http_status   integer,
    response_body text,
    access_id     char(32),
    created_at    timestamptz  NOT NULL,
    lease_until   timestamptz  NOT NULL,
    PRIMARY KEY (shop_pk, idem_key)
);
CREATE INDEX openapi_idempotency_created ON openapi_idempotency (created_at);

-- Concurrency slots per shop and endpoint (seed: 5, or 10 for /order/*). A request holds one slot while it runs;
-- the lease frees the slot of a node that died mid-request. Shared by every node through the database.
CREATE TABLE openapi_concurrency_slot (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_pk     bigint      NOT NULL REFERENCES shop (id),
    endpoint    varchar(40) NOT NULL,
    slot        integer     NOT NULL,
    holder      uuid,
    lease_until timestamptz,
    CONSTRAINT openapi_concurrency_slot_unique UNIQUE (shop_pk, endpoint, slot)
);

-- What a credit card order needs beyond payment_order: the card as shown (masked, brand, expiry, holder), the
-- acquirer's answer, the charge options, the API version and the last error (for /order/inquiry).
CREATE TABLE credit_order (
    order_pk              bigint       PRIMARY KEY REFERENCES payment_order (id),
    card_brand            varchar(16)  NOT NULL,
    card_expiry_month     char(2)      NOT NULL,
    card_expiry_year      char(4)      NOT NULL,
    cardholder_name       varchar(50),
    payment_method        varchar(16)  NOT NULL,
    installments          integer,
    item_code             char(7)      NOT NULL,
    api_version           char(7)      NOT NULL,
    approval_code         varchar(7),
    forwarded_code        varchar(7),
    issuer_code           varchar(7),
    nw_transaction_id     varchar(28),
    transaction_at        timestamptz,
    capture_expires_at    timestamptz,
    request_details       jsonb,
    last_error_result     varchar(40),
    last_error_code       varchar(16),
    updated_at            timestamptz  NOT NULL
);

-- The card acquirer simulator's own books (a stand-in for the card network; sandbox only). One row per
-- authorisation; operations (capture, void, change) are keyed by their own reference so a retry never repeats one.
CREATE TABLE sim_card_authorization (
    auth_ref          varchar(40) PRIMARY KEY,
    card_last4        char(4)     NOT NULL,
    brand             varchar(16) NOT NULL,
    amount_yen        bigint      NOT NULL,
    captured          boolean     NOT NULL,
    voided            boolean     NOT NULL,
    approval_code     char(7)     NOT NULL,
    forwarded_code    varchar(7)  NOT NULL,
    issuer_code       varchar(7)  NOT NULL,
    nw_transaction_id varchar(28) NOT NULL,
    authorized_at     timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE sim_card_operation (
    op_ref     varchar(40) PRIMARY KEY,
    kind       varchar(16) NOT NULL CHECK (kind IN ('AUTHORIZE', 'CAPTURE', 'VOID', 'CHANGE')),
    auth_ref   varchar(40) NOT NULL,
    result     text        NOT NULL,
    created_at timestamptz NOT NULL
);
