-- The ledger of edit keys (README, "Delivery guarantees"). The same script serves SQLite (embedded default)
-- and PostgreSQL: plain types only. Times are epoch milliseconds.

-- One row per edit key, per Kash target (base URL and shop): the simulator's or another shop's keys never
-- answer for this one's.
CREATE TABLE kash_edit (
    target      VARCHAR(300) NOT NULL,
    edit_key    VARCHAR(700) NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    order_id    BIGINT,
    fingerprint VARCHAR(64),
    outcome     TEXT,
    edit        TEXT,
    attempts    INTEGER      NOT NULL,
    -- the instance holding the claim while IN_FLIGHT, and the claim's token: only its holder writes the result
    owner       VARCHAR(120),
    claim       BIGINT,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (target, edit_key)
);
CREATE INDEX kash_edit_fingerprint ON kash_edit (target, fingerprint);
CREATE INDEX kash_edit_state ON kash_edit (state, updated_at);
-- an order's edits held back behind a failed one (the block passes to the oldest)
CREATE INDEX kash_edit_order ON kash_edit (target, order_id, state);

-- Every running bridge and how long its claims hold: a claim whose owner stopped renewing is a crashed one.
CREATE TABLE kash_instance (
    owner       VARCHAR(120) NOT NULL PRIMARY KEY,
    started_at  BIGINT       NOT NULL,
    alive_until BIGINT       NOT NULL
);

-- An order whose edit ended FAILED or AMBIGUOUS: its later edits are held back until that one is resolved.
CREATE TABLE kash_order_block (
    target      VARCHAR(300) NOT NULL,
    order_id    BIGINT       NOT NULL,
    edit_key    VARCHAR(700) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    outcome     TEXT,
    since       BIGINT       NOT NULL,
    PRIMARY KEY (target, order_id)
);
