//! TLP labels, STIX marking ids, e-mail addresses and markings from untrusted text never panic, and what parses
//! round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ward_core::email::Email;
use ward_core::marking::parse_marking;
use ward_core::tlp::Tlp;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(tlp) = Tlp::parse_label(text) {
        assert_eq!(Tlp::parse_label(tlp.label()), Some(tlp));
    }
    let _ = Tlp::from_stix_marking_id(text);
    if let Ok(email) = text.parse::<Email>() {
        assert_eq!(email.as_str().parse::<Email>().ok(), Some(email));
    }
    let mut parts = text.splitn(3, '\n');
    let (tlp, kind, ids) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let ids: Vec<String> = ids.split(',').map(str::to_owned).collect();
    if let Ok(marking) = parse_marking(tlp, kind, &ids) {
        assert!(!marking.audience.is_empty());
    }
});
