-- The knowledge base: Markdown articles with their full history, topic tags on any item, comments on any item.

CREATE TABLE item_topics (
    item_id  TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    topic    TEXT NOT NULL,
    PRIMARY KEY (item_id, topic)
);
CREATE INDEX item_topics_topic ON item_topics (topic, item_id);

CREATE TABLE articles (
    item_id   TEXT PRIMARY KEY NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    category  TEXT NOT NULL,
    body      TEXT NOT NULL
);
CREATE INDEX articles_category ON articles (category);

-- Every saved version, the first included, so history and differences need no reconstruction.
CREATE TABLE article_versions (
    item_id    TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body       TEXT NOT NULL,
    editor_id  TEXT NOT NULL REFERENCES people (id),
    saved_at   TEXT NOT NULL,
    PRIMARY KEY (item_id, version)
);

CREATE TABLE comments (
    id          TEXT PRIMARY KEY NOT NULL,
    item_id     TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    author_id   TEXT NOT NULL REFERENCES people (id),
    org_id      TEXT NOT NULL REFERENCES organizations (id),
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX comments_item ON comments (item_id, created_at, id);
