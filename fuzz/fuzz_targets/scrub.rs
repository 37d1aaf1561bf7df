//! The scrubber reads every text bound for a shareable item: on any text it never panics, its findings are sorted,
//! disjoint and on character boundaries, positions stay in range, and redacting what it found leaves no national
//! register or BIS number behind.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ward_core::scrub::{Positions, position, redact, scan};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let findings = scan(text);
    let mut end = 0;
    let mut positions = Positions::new(text);
    for finding in &findings {
        let span = &finding.span;
        assert!(end <= span.start && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(!finding.text(text).is_empty());
        let at = positions.at(span.start);
        assert_eq!(at, position(text, span.start));
        assert!(at.line >= 1 && at.column >= 1 && at.line <= text.len() + 1);
        end = span.end;
    }
    let redacted = redact(text, &findings);
    assert!(scan(&redacted).iter().all(|f| f.kind.confirmable()));
});
