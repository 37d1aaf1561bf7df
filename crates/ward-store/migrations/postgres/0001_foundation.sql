-- Ward foundation schema (PostgreSQL). Keep this file in step with migrations/sqlite/0001_foundation.sql.

CREATE TABLE organizations (
    id          UUID PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    size_band   TEXT NOT NULL,
    region      TEXT NOT NULL,
    languages   TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX organizations_name ON organizations (lower(name));

CREATE TABLE people (
    id               UUID PRIMARY KEY,
    org_id           UUID NOT NULL REFERENCES organizations (id),
    email            TEXT NOT NULL UNIQUE,
    display_name     TEXT NOT NULL,
    role             TEXT NOT NULL,
    coordinator      BOOLEAN NOT NULL DEFAULT FALSE,
    status           TEXT NOT NULL DEFAULT 'active',
    language         TEXT NOT NULL DEFAULT 'en',
    password_hash    TEXT,
    totp_secret      TEXT,
    totp_pending     TEXT,
    totp_enabled_at  TIMESTAMPTZ,
    totp_last_step   BIGINT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    last_login_at    TIMESTAMPTZ
);
CREATE INDEX people_org ON people (org_id);

CREATE TABLE recovery_codes (
    person_id  UUID NOT NULL REFERENCES people (id),
    code_hash  TEXT NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (person_id, code_hash)
);

CREATE TABLE sharing_groups (
    id           UUID PRIMARY KEY,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX sharing_groups_name ON sharing_groups (lower(name));

CREATE TABLE sharing_group_members (
    group_id  UUID NOT NULL REFERENCES sharing_groups (id) ON DELETE CASCADE,
    org_id    UUID NOT NULL REFERENCES organizations (id),
    added_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, org_id)
);
CREATE INDEX sharing_group_members_org ON sharing_group_members (org_id);

CREATE TABLE sessions (
    id_hash       TEXT PRIMARY KEY,
    person_id     UUID NOT NULL REFERENCES people (id),
    csrf_token    TEXT NOT NULL,
    mfa_verified  BOOLEAN NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    ip            TEXT,
    user_agent    TEXT
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE api_tokens (
    id            UUID PRIMARY KEY,
    person_id     UUID NOT NULL REFERENCES people (id),
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    scope         TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_tokens_person ON api_tokens (person_id);

CREATE TABLE invitations (
    id           UUID PRIMARY KEY,
    org_id       UUID NOT NULL REFERENCES organizations (id),
    email        TEXT,
    role         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_by   UUID REFERENCES people (id),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    accepted_at  TIMESTAMPTZ,
    accepted_by  UUID REFERENCES people (id),
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX invitations_org ON invitations (org_id, created_at);

CREATE TABLE login_throttle (
    key                TEXT PRIMARY KEY,
    failures           BIGINT NOT NULL,
    window_started_at  TIMESTAMPTZ NOT NULL,
    locked_until       TIMESTAMPTZ
);

CREATE TABLE community_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE items (
    id            UUID PRIMARY KEY,
    kind          TEXT NOT NULL,
    owner_org_id  UUID NOT NULL REFERENCES organizations (id),
    author_id     UUID NOT NULL REFERENCES people (id),
    attribution   TEXT NOT NULL,
    tlp           TEXT NOT NULL,
    audience      TEXT NOT NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX items_kind_created ON items (kind, created_at DESC, id DESC);
CREATE INDEX items_created ON items (created_at DESC, id DESC);
CREATE INDEX items_owner ON items (owner_org_id);
CREATE INDEX items_author ON items (author_id);

CREATE TABLE item_audience (
    item_id    UUID NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    group_id   UUID REFERENCES sharing_groups (id),
    org_id     UUID REFERENCES organizations (id),
    person_id  UUID REFERENCES people (id),
    CHECK (num_nonnulls(group_id, org_id, person_id) = 1)
);
CREATE INDEX item_audience_item ON item_audience (item_id);
CREATE INDEX item_audience_org ON item_audience (org_id);
CREATE INDEX item_audience_person ON item_audience (person_id);
CREATE INDEX item_audience_group ON item_audience (group_id);

CREATE TABLE announcements (
    item_id  UUID PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    body     TEXT NOT NULL,
    pinned   BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE audit_log (
    seq              BIGINT PRIMARY KEY,
    at               TIMESTAMPTZ NOT NULL,
    action           TEXT NOT NULL,
    actor_kind       TEXT NOT NULL,
    actor_person_id  UUID,
    actor_org_id     UUID,
    actor_system     TEXT,
    org_id           UUID,
    target_kind      TEXT,
    target_id        TEXT,
    detail           TEXT NOT NULL,
    ip               TEXT,
    prev_hash        TEXT NOT NULL,
    hash             TEXT NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (org_id, seq);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE jobs (
    id            UUID PRIMARY KEY,
    kind          TEXT NOT NULL,
    payload       TEXT NOT NULL,
    unique_key    TEXT UNIQUE,
    status        TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    max_attempts  INTEGER NOT NULL,
    run_at        TIMESTAMPTZ NOT NULL,
    locked_by     TEXT,
    locked_until  TIMESTAMPTZ,
    last_error    TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX jobs_due ON jobs (status, run_at);
