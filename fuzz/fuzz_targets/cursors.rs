//! Pagination cursors come from clients: decoding any text never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ward_core::page::{Cursor, PageRequest};
use ward_core::time::Timestamp;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(c) = Cursor::<String>::decode(text) {
        assert_eq!(Cursor::<String>::decode(&c.encode()).ok(), Some(c));
    }
    let _ = Cursor::<Timestamp>::decode(text);
    let _ = PageRequest::<i64>::parse(Some(10), Some(text));
    let _ = Timestamp::parse_rfc3339(text);
});
