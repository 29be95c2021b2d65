-- Kessai foundation: keys, shops, orders with their operation journal, and the JCB Preca center simulator.
-- Money is bigint yen; times are timestamptz (UTC instants); JST exists only at the wire.

CREATE TABLE crypto_data_key (
    id          integer PRIMARY KEY,
    wrapped_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    active      boolean     NOT NULL
);
CREATE UNIQUE INDEX crypto_data_key_one_active ON crypto_data_key (active) WHERE active;

CREATE TABLE shop (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id       varchar(13) NOT NULL UNIQUE,
    shop_pass_enc bytea       NOT NULL,
    robot_aid     varchar(6) UNIQUE,
    mode          varchar(16) NOT NULL CHECK (mode IN ('TEST', 'PRODUCTION')),
    settings      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- One order per (shop, OrderID, payment method); an OrderID is never reused, even after a failure.
CREATE TABLE payment_order (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_pk           bigint       NOT NULL REFERENCES shop (id),
    order_id          varchar(27)  NOT NULL,
    payment_method    varchar(32)  NOT NULL,
    access_id         char(32)     NOT NULL UNIQUE,
    access_pass       char(32)     NOT NULL,
    status            varchar(32)  NOT NULL,
    job_cd            varchar(16),
    amount_yen        bigint       NOT NULL CHECK (amount_yen >= 0),
    tax_yen           bigint       NOT NULL CHECK (tax_yen >= 0),
    client_field1     varchar(100),
    client_field2     varchar(100),
    client_field3     varchar(100),
    card_no_enc       bytea,
    card_no_masked    varchar(32),
    carry_info        varchar(34),
    processor_ref     varchar(40),
    pending_operation varchar(16),
    processed_at      timestamptz  NOT NULL,
    sold_at           timestamptz,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    CONSTRAINT payment_order_unique_order UNIQUE (shop_pk, order_id, payment_method)
);

-- Write-ahead journal of every processor call: PENDING before the call, SUCCEEDED/FAILED/UNKNOWN after it.
CREATE TABLE order_operation (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_pk      bigint      NOT NULL REFERENCES payment_order (id),
    operation     varchar(16) NOT NULL,
    state         varchar(16) NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED', 'UNKNOWN')),
    processor_ref varchar(40) NOT NULL,
    result_code   varchar(64),
    -- what the order becomes if the call succeeded, written before the call so a reconciler can finish it
    -- (card numbers inside are sealed by FieldCipher)
    success_change jsonb,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz
);
CREATE INDEX order_operation_unsettled ON order_operation (started_at) WHERE state IN ('PENDING', 'UNKNOWN');
CREATE INDEX order_operation_by_order ON order_operation (order_pk);

-- The JCB Preca center simulator's own books (a stand-in for the real center; sandbox cards only).
CREATE TABLE sim_preca_card (
    card_no            varchar(32) PRIMARY KEY,
    approval_no        varchar(16) NOT NULL,
    balance_yen        bigint      NOT NULL CHECK (balance_yen >= 0),
    activate_status    smallint    NOT NULL CHECK (activate_status IN (0, 1)),
    term_status        smallint    NOT NULL CHECK (term_status IN (0, 1, 2)),
    invalid_status     smallint    NOT NULL CHECK (invalid_status IN (0, 1)),
    web_inquiry_status smallint    NOT NULL CHECK (web_inquiry_status IN (0, 1)),
    valid_limit        date        NOT NULL,
    card_type_code     varchar(4)  NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE TABLE sim_preca_txn (
    sales_code     varchar(20) PRIMARY KEY,
    card_no        varchar(32) NOT NULL REFERENCES sim_preca_card (card_no),
    amount_yen     bigint      NOT NULL,
    before_balance bigint      NOT NULL,
    after_balance  bigint      NOT NULL,
    activated      boolean     NOT NULL,
    carry_info     varchar(34),
    executed_at    timestamptz NOT NULL,
    cancelled_at   timestamptz
);
