-- Full-text search over items of every kind. The text is folded and split into words by Ward before it is stored
-- (ward_core::search::index_text), so both engines match the same words; `text` keeps the original for snippets.

CREATE TABLE search_docs (
    item_id     UUID PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    title_words TEXT NOT NULL,
    body_words  TEXT NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', title_words), 'A') || setweight(to_tsvector('simple', body_words), 'B')
                ) STORED
);
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
