-- 3-D Secure 2 (EMV 3DS): one row per authentication flow, and the 3DS server / ACS simulator's books.

-- A flow starts when a charge or a card verification with useTds2=true is accepted (the order is then
-- AUTHENTICATED) and ends FINISHED (authorised or declined after authentication), FAILED (authentication failed,
-- cancelled, timed out) or EXPIRED (abandoned). The card number is kept encrypted for the authorisation that follows
-- authentication; the security code likewise, and it is erased when the flow ends. The browser knows the flow only
-- by its random token; the merchant's callback URL and CSRF token come from the merchant's own request.
CREATE TABLE tds_flow (
    order_pk             bigint       PRIMARY KEY REFERENCES payment_order (id),
    shop_pk              bigint       NOT NULL REFERENCES shop (id),
    token                char(40)     NOT NULL UNIQUE,
    kind                 varchar(16)  NOT NULL CHECK (kind IN ('CHARGE', 'VERIFICATION')),
    state                varchar(16)  NOT NULL,
    auto_authorization   boolean      NOT NULL,
    allow_attempt        varchar(16)  NOT NULL,
    requires_challenge   boolean      NOT NULL,
    capture              boolean      NOT NULL,
    callback_url         varchar(256) NOT NULL,
    csrf_token           varchar(36),
    card_no_enc          bytea,
    security_code_enc    bytea,
    command              jsonb        NOT NULL,
    server_trans_id      varchar(40),
    method_url           varchar(200),
    processor_ref        varchar(40)  NOT NULL,
    trans_status         char(1),
    eci                  varchar(2),
    trans_status_reason  varchar(2),
    challenged           boolean      NOT NULL DEFAULT false,
    failure              varchar(40),
    expires_at           timestamptz  NOT NULL,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL
);
CREATE INDEX tds_flow_open ON tds_flow (expires_at) WHERE state IN ('INITIATING', 'METHOD', 'CHALLENGE', 'AUTHENTICATED');

-- The 3DS server and ACS simulator (sandbox only): one row per 3DS transaction, keyed by the server's transaction
-- ID and by the reference Kessai journaled before initiating it (so a retry never creates a second one).
CREATE TABLE sim_tds_transaction (
    server_trans_id    varchar(40) PRIMARY KEY,
    reference          varchar(40) NOT NULL UNIQUE,
    card_last4         char(4)     NOT NULL,
    brand              varchar(16) NOT NULL,
    scenario           varchar(24) NOT NULL,
    amount_yen         bigint      NOT NULL,
    requires_challenge boolean     NOT NULL,
    notification_path  varchar(200) NOT NULL,
    method_completed   boolean     NOT NULL DEFAULT false,
    challenge_failures integer     NOT NULL DEFAULT 0,
    cancelled          boolean     NOT NULL DEFAULT false,
    challenge_deadline timestamptz,
    trans_status       char(1),
    eci                varchar(2),
    reason             varchar(2),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- Cards the sandbox API assigned a 3DS outcome to (documented test cards need no row).
CREATE TABLE sim_tds_card (
    card_fingerprint varchar(64) PRIMARY KEY,
    scenario         varchar(24) NOT NULL,
    created_at       timestamptz NOT NULL
);
