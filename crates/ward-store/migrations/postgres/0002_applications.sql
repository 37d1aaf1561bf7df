-- Membership applications and the member directory (PostgreSQL). Keep this file in step with
-- migrations/sqlite/0002_applications.sql.

CREATE TABLE applications (
    id                 UUID PRIMARY KEY,
    org_name           TEXT NOT NULL,
    kind               TEXT NOT NULL,
    size_band          TEXT NOT NULL,
    region             TEXT NOT NULL,
    languages          TEXT NOT NULL,
    contact_name       TEXT NOT NULL,
    contact_email      TEXT NOT NULL,
    contact_role       TEXT NOT NULL,
    motivation         TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'received',
    -- The status link's secret is kept only as its hash; the public key it derives receives the sealed
    -- invitation secret at approval (see ward_core::sealed).
    status_hash        TEXT NOT NULL UNIQUE,
    seal_key           TEXT NOT NULL,
    submitted_at       TIMESTAMPTZ NOT NULL,
    decided_at         TIMESTAMPTZ,
    decided_by         UUID REFERENCES people (id),
    rejection_reason   TEXT,
    org_id             UUID REFERENCES organizations (id),
    invitation_id      UUID REFERENCES invitations (id),
    sealed_invitation  TEXT
);
-- One pending application per institution name; decided ones may repeat (an institution may apply again).
CREATE UNIQUE INDEX applications_pending_name ON applications (lower(org_name)) WHERE status = 'received';
CREATE INDEX applications_submitted ON applications (submitted_at DESC, id DESC);
CREATE INDEX applications_status ON applications (status, submitted_at);

-- Whether a person is shown as a contact of their organization in the member directory (opt-in).
ALTER TABLE people ADD COLUMN directory_contact BOOLEAN NOT NULL DEFAULT FALSE;
