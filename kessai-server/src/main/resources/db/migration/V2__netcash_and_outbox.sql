-- NET CASH (seed 001) orders' own data, the NET CASH center simulator, and the one durable notification outbox.

CREATE TABLE netcash_order (
    order_pk          bigint PRIMARY KEY REFERENCES payment_order (id),
    ret_url           varchar(256) NOT NULL,
    net_cash_pay_type varchar(40)  NOT NULL,
    pay_deadline      timestamptz  NOT NULL,
    err_info          varchar(9)
);
CREATE INDEX payment_order_open_redirects ON payment_order (status) WHERE status IN ('REQSUCCESS', 'PAYSTART');

-- Every notification Kessai owes a merchant (idpass result notifications now; openapi webhooks and ROBOT PAYMENT
-- kickbacks later). Written in the same transaction as the state change that causes it; delivered at least once.
CREATE TABLE notification_outbox (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_pk                bigint        NOT NULL REFERENCES shop (id),
    kind                   varchar(32)   NOT NULL,
    event_key              varchar(120)  NOT NULL,
    target_url             varchar(2048) NOT NULL,
    content_type           varchar(100)  NOT NULL,
    body                   bytea         NOT NULL,
    state                  varchar(16)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts               integer       NOT NULL DEFAULT 0,
    max_attempts           integer       NOT NULL,
    retry_interval_seconds integer       NOT NULL,
    next_attempt_at        timestamptz   NOT NULL,
    lease_until            timestamptz,
    last_error             varchar(500),
    created_at             timestamptz   NOT NULL,
    delivered_at           timestamptz,
    CONSTRAINT notification_outbox_once UNIQUE (shop_pk, kind, event_key)
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE state = 'PENDING';

CREATE TABLE notification_attempt (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id    bigint       NOT NULL REFERENCES notification_outbox (id),
    attempted_at timestamptz  NOT NULL,
    http_status  integer,
    outcome      varchar(16)  NOT NULL CHECK (outcome IN ('DELIVERED', 'REJECTED', 'ERROR', 'REFUSED')),
    detail       varchar(500),
    duration_ms  integer      NOT NULL
);
CREATE INDEX notification_attempt_by_outbox ON notification_attempt (outbox_id);

-- The NET CASH center simulator's books (sandbox cards and the payments it hosts).
CREATE TABLE sim_netcash_card (
    card_no     varchar(20) PRIMARY KEY,
    balance_yen bigint      NOT NULL CHECK (balance_yen >= 0),
    locked      boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE sim_netcash_payment (
    session_id  varchar(40)  PRIMARY KEY,
    payment_ref varchar(40)  NOT NULL UNIQUE,
    amount_yen  bigint       NOT NULL,
    return_path varchar(512) NOT NULL,
    state       varchar(16)  NOT NULL CHECK (state IN ('OPEN', 'PAID', 'CANCELLED')),
    card_no     varchar(20),
    created_at  timestamptz  NOT NULL,
    finished_at timestamptz
);
