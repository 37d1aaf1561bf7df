-- The knowledge base: Markdown articles with their full history, topic tags on any item, comments on any item.

CREATE TABLE item_topics (
    item_id  UUID NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    topic    TEXT NOT NULL,
    PRIMARY KEY (item_id, topic)
);
CREATE INDEX item_topics_topic ON item_topics (topic, item_id);

CREATE TABLE articles (
    item_id   UUID PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    category  TEXT NOT NULL,
    body      TEXT NOT NULL
);
CREATE INDEX articles_category ON articles (category);

-- Every saved version, the first included, so history and differences need no reconstruction.
CREATE TABLE article_versions (
    item_id    UUID NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    version    BIGINT NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body       TEXT NOT NULL,
    editor_id  UUID NOT NULL REFERENCES people (id),
    saved_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item_id, version)
);

CREATE TABLE comments (
    id          UUID PRIMARY KEY,
    item_id     UUID NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    author_id   UUID NOT NULL REFERENCES people (id),
    org_id      UUID NOT NULL REFERENCES organizations (id),
    body        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX comments_item ON comments (item_id, created_at, id);
