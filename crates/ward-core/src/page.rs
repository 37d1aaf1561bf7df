//! Keyset pagination: every list returns at most `limit` entries and an opaque cursor for the next page.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::ValidationError;

/// Entries per page when the client does not say.
pub const DEFAULT_LIMIT: u32 = 50;
/// The most entries one page may hold.
pub const MAX_LIMIT: u32 = 200;

/// The position after which the next page starts: the sort key of the last entry and its id (the tie-breaker).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor<K> {
    /// The sort key of the last entry seen (a timestamp or a name).
    pub key: K,
    /// The id of the last entry seen.
    pub id: uuid::Uuid,
}

impl<K: Serialize + DeserializeOwned> Cursor<K> {
    /// The opaque text form handed to clients.
    #[must_use]
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(&(&self.key, self.id)).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    /// Reads the opaque text form.
    ///
    /// # Errors
    /// When the text is not a cursor this server produced for this kind of list.
    pub fn decode(text: &str) -> Result<Self, ValidationError> {
        let invalid = || {
            ValidationError::field(
                "cursor",
                "this cursor is not valid here; start again from the first page",
            )
        };
        if text.len() > 512 {
            return Err(invalid());
        }
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).map_err(|_| invalid())?;
        let (key, id): (K, uuid::Uuid) = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
        Ok(Self { key, id })
    }
}

/// A page request: how many entries and where to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRequest<K> {
    /// How many entries at most.
    pub limit: u32,
    /// Start after this position; `None` for the first page.
    pub after: Option<Cursor<K>>,
}

impl<K: Serialize + DeserializeOwned> PageRequest<K> {
    /// Parses the `limit` and `cursor` query parameters.
    ///
    /// # Errors
    /// When the limit is 0 or above [`MAX_LIMIT`], or the cursor is not valid.
    pub fn parse(limit: Option<u32>, cursor: Option<&str>) -> Result<Self, ValidationError> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ValidationError::field(
                "limit",
                format!("choose a limit between 1 and {MAX_LIMIT}"),
            ));
        }
        let after = match cursor {
            Some(c) if !c.trim().is_empty() => Some(Cursor::decode(c)?),
            _ => None,
        };
        Ok(Self { limit, after })
    }

    /// The first page with the default size.
    #[must_use]
    pub const fn first() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            after: None,
        }
    }

    /// How many rows to fetch: one more than the limit, to learn whether another page exists.
    #[must_use]
    pub fn fetch_limit(&self) -> i64 {
        i64::from(self.limit) + 1
    }
}

/// One page of results.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    /// The entries.
    pub items: Vec<T>,
    /// Pass this as `cursor` to get the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` fetched rows, computing the cursor from the last entry kept.
    pub fn from_rows<K: Serialize + DeserializeOwned>(
        mut rows: Vec<T>,
        limit: u32,
        cursor_of: impl Fn(&T) -> Cursor<K>,
    ) -> Self {
        let limit = limit as usize;
        let next_cursor = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|last| cursor_of(last).encode())
        } else {
            None
        };
        Self {
            items: rows,
            next_cursor,
        }
    }

    /// Builds a page from rows the access policy checked once more after the query: `fetched` is how many rows the
    /// query returned. When the check dropped some, the page may hold fewer than `limit + 1` rows although more
    /// exist; the next page is offered all the same.
    pub fn from_checked_rows<K: Serialize + DeserializeOwned>(
        kept: Vec<T>,
        fetched: usize,
        limit: u32,
        cursor_of: impl Fn(&T) -> Cursor<K>,
    ) -> Self {
        let mut page = Self::from_rows(kept, limit, &cursor_of);
        if fetched > limit as usize && page.next_cursor.is_none() {
            page.next_cursor = page.items.last().map(|last| cursor_of(last).encode());
        }
        page
    }

    /// Transforms the entries, keeping the cursor.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cursors_round_trip() {
        let c = Cursor {
            key: "2026-11-29T21:18:41.000000Z".to_owned(),
            id: uuid::Uuid::now_v7(),
        };
        assert_eq!(Cursor::<String>::decode(&c.encode()).unwrap(), c);
    }

    #[test]
    fn limits_are_bounded() {
        assert!(PageRequest::<String>::parse(Some(0), None).is_err());
        assert!(PageRequest::<String>::parse(Some(MAX_LIMIT + 1), None).is_err());
        assert_eq!(
            PageRequest::<String>::parse(None, None).unwrap().limit,
            DEFAULT_LIMIT
        );
    }

    #[test]
    fn a_full_page_gets_a_cursor() {
        let rows: Vec<u32> = (0..6).collect();
        let page = Page::from_rows(rows, 5, |n| Cursor {
            key: n.to_string(),
            id: uuid::Uuid::nil(),
        });
        assert_eq!(page.items.len(), 5);
        assert!(page.next_cursor.is_some());
        let last = Page::from_rows(vec![1u32, 2], 5, |n| Cursor {
            key: n.to_string(),
            id: uuid::Uuid::nil(),
        });
        assert!(last.next_cursor.is_none());
    }

    proptest! {
        #[test]
        fn decoding_garbage_never_panics(s in "\\PC{0,600}") {
            let _ = Cursor::<String>::decode(&s);
        }
    }
}
