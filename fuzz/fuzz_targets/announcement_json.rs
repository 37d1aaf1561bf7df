//! Announcement bodies arrive as JSON from API clients: any bytes either fail to deserialize or parse into a
//! checked announcement or a list of field errors — never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ward_community::announcements::AnnouncementDraft;

fuzz_target!(|data: &[u8]| {
    if let Ok(draft) = serde_json::from_slice::<AnnouncementDraft>(data) {
        match draft.parse() {
            Ok(input) => assert!(!input.title.is_empty()),
            Err(errors) => assert!(!errors.errors.is_empty()),
        }
    }
});
