-- The card vault (GMO members and their stored cards) with its own envelope keys, and the sealed card number of
-- each credit order (so that /credit/storeCard can store the card of an earlier successful transaction).
-- Card numbers are never stored in clear: AES-256-GCM under a data key; data keys are stored wrapped by the
-- key-encryption key (KEK) of the shop's mode (TEST or PRODUCTION), which comes from configuration and never touches
-- the database. Each ciphertext names its data key, and its additional authenticated data binds it to its row.

CREATE TABLE vault_data_key (
    id          integer     PRIMARY KEY,
    mode        varchar(16) NOT NULL CHECK (mode IN ('TEST', 'PRODUCTION')),
    -- which KEK wrapped it (a keyed digest of the KEK, never the KEK): a node with another KEK fails loudly
    kek_id      varchar(16) NOT NULL,
    wrapped_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    active      boolean     NOT NULL
);
CREATE UNIQUE INDEX vault_data_key_one_active ON vault_data_key (mode) WHERE active;

-- A member (会員) per (shop, memberId). A deleted member stays, marked deleted, so its memberId is never reused.
CREATE TABLE vault_member (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_pk      bigint       NOT NULL REFERENCES shop (id),
    member_id    varchar(60)  NOT NULL,
    member_name  varchar(255),
    -- the next physical cardId (物理連番): card ids are never reused, not even after a deletion
    next_card_id integer      NOT NULL DEFAULT 0,
    deleted      boolean      NOT NULL DEFAULT false,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    deleted_at   timestamptz,
    CONSTRAINT vault_member_unique UNIQUE (shop_pk, member_id)
);

-- A stored card: the number sealed (key_id names the data key), its masked form, a keyed fingerprint (HMAC with the
-- mode's own fingerprint key, over the shop and the number) for duplicate checks, and what may be shown. Deleted
-- cards stay (marked) for the duplicate check's includeDeletedCards and for the physical numbering.
CREATE TABLE vault_card (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_pk       bigint      NOT NULL REFERENCES vault_member (id),
    card_id         integer     NOT NULL CHECK (card_id BETWEEN 0 AND 9999),
    card_type       varchar(16) NOT NULL CHECK (card_type IN ('CREDIT_CARD')),
    key_id          integer     NOT NULL REFERENCES vault_data_key (id),
    card_no_enc     bytea       NOT NULL,
    card_no_masked  varchar(32) NOT NULL,
    fingerprint     bytea       NOT NULL,
    brand           varchar(16) NOT NULL,
    expiry_month    char(2)     NOT NULL,
    expiry_year     char(4)     NOT NULL,
    cardholder_name varchar(50),
    is_default      boolean     NOT NULL DEFAULT false,
    deleted         boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz,
    CONSTRAINT vault_card_unique UNIQUE (member_pk, card_id)
);
CREATE INDEX vault_card_fingerprint ON vault_card (fingerprint);
CREATE INDEX vault_card_key ON vault_card (key_id);
CREATE UNIQUE INDEX vault_card_one_default ON vault_card (member_pk) WHERE is_default AND NOT deleted;

-- Re-encryption runs (operator-started key rotation): every sealed row of the mode is re-sealed under target_key_id
-- in batches. Progress is the data itself (rows still under another key), so a run that dies resumes where it was;
-- the lease lets exactly one node work on a run at a time.
CREATE TABLE vault_rotation (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mode           varchar(16) NOT NULL CHECK (mode IN ('TEST', 'PRODUCTION')),
    target_key_id  integer     NOT NULL REFERENCES vault_data_key (id),
    state          varchar(16) NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'SUPERSEDED')),
    rows_resealed  bigint      NOT NULL DEFAULT 0,
    lease_owner    varchar(64),
    lease_until    timestamptz,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz
);

-- The card number of a credit order, sealed by the vault's keys (bound to the shop and the order).
ALTER TABLE credit_order ADD COLUMN card_no_enc bytea;
ALTER TABLE credit_order ADD COLUMN card_key_id integer REFERENCES vault_data_key (id);
CREATE INDEX credit_order_card_key ON credit_order (card_key_id) WHERE card_key_id IS NOT NULL;
