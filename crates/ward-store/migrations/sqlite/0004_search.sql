-- Full-text search over items of every kind. The text is folded and split into words by Ward before it is stored
-- (ward_core::search::index_text), so both engines match the same words; `text` keeps the original for snippets.

CREATE TABLE search_docs (
    id       INTEGER PRIMARY KEY,
    item_id  TEXT NOT NULL UNIQUE REFERENCES items (id) ON DELETE CASCADE,
    text     TEXT NOT NULL
);

CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');

-- Deleting an item deletes its document (foreign key) and so its index entry.
CREATE TRIGGER search_docs_deleted AFTER DELETE ON search_docs
BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;
