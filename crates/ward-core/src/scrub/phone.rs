//! Phone numbers: Belgian national forms and international forms.
//!
//! Security text is full of digit runs that are not phone numbers (addresses, dates, versions, ports, counts, hashes),
//! so both forms demand a whole [chain](super::chain) of a precise shape, not a bare digit count.
//!
//! **Belgian national form**: trunk `0` then the eight-digit national number (nine digits in all: fixed lines,
//! `070`/`078`, `0800`, `090x`), or `046`–`049` then seven digits (ten in all: mobiles). Written compact
//! (`021234567`, `0471123456`) or in groups whose first group is the trunk with the zone: `02`, `03`, `04` or `09`
//! (the one-digit zones), or three or four digits (`050`, `0470`, `0800`). After it comes either one group with
//! the rest (`02 1234567`, `0470/123456`) or groups of two to four digits (`02 123 45 67`, `0470 12 34 56`), where
//! every separator from the third group on is the same (the first may differ: `0470/12.34.56`).
//!
//! **International form**: `+` or `00`, a country code read by the ITU prefix ranges (one digit for `1` and `7`,
//! two or three for the others; never starting with `0`), then the national number. Written compact
//! (`+32470123456`), or with the country code alone in the first group, an optional parenthesised trunk or area code
//! right after it (`+32 (0)2 …`, `+1 (202) 555-0173`) and groups joined by any single separators
//! (`+32 2 123 45 67`, `0032 470 12 34 56`). Only the group after the country code (or after a `(0)`) may have a
//! single digit (`+33 1 23 45 67 89`). The national number, without a trunk `0`, must have the length used in its
//! country: 8–9 digits for Belgium (`32`), 9 for the Netherlands (`31`) and France (`33`), 10 for North America
//! (`1`) and Russia (`7`), 9–10 for the United Kingdom (`44`), 6–13 for Germany (`49`), 6–11 for Luxembourg
//! (`352`), 7–12 elsewhere; 15 digits at most with the country code (E.164).
//!
//! In both forms the chain must end with the number: a further group (`0470 12 34 56 78`) or a glued letter means
//! something else.

use super::chain::Chain;

/// The most digits of a Belgian number in national form.
pub(super) const NATIONAL_DIGITS: usize = 10;

/// Whether a Belgian number in national form can start with a group of `len` digits: trunk and zone, or all.
pub(super) fn national_first_group(len: usize) -> bool {
    matches!(len, 2..=4 | 9 | NATIONAL_DIGITS)
}

/// Whether the whole chain is a Belgian phone number in national form.
pub(super) fn national(chain: &Chain) -> bool {
    let digits = chain.digits();
    let mobile = matches!(digits, [0, 4, 6..=9, ..]);
    let length_ok = match digits.len() {
        9 => !mobile,
        NATIONAL_DIGITS => mobile,
        _ => false,
    };
    if chain.truncated || !length_ok || !matches!(digits, [0, 1..=9, ..]) {
        return false;
    }
    let groups = chain.groups();
    let [first, second, rest @ ..] = groups else {
        return true;
    };
    let zone_ok = match first.len() {
        2 => matches!(digits, [_, 2 | 3 | 4 | 9, ..]),
        3 | 4 => true,
        _ => false,
    };
    let third_sep = rest.first().and_then(|g| g.sep);
    let tail_ok = rest.is_empty()
        || ((2..=4).contains(&second.len())
            && rest
                .iter()
                .all(|g| (2..=4).contains(&g.len()) && g.sep == third_sep));
    zone_ok && tail_ok && groups.iter().all(|g| !g.parenthesised)
}

/// Whether the whole chain is an international phone number; `prefix` is 2 when the chain starts with the `00`
/// access code, 0 when the text has a `+` right in front of the chain.
pub(super) fn international(chain: &Chain, prefix: usize) -> bool {
    let Some(digits) = chain.digits().get(prefix..) else {
        return false;
    };
    let Some((first, rest)) = chain.groups().split_first() else {
        return false;
    };
    let Some(code_len) = country_code_len(digits) else {
        return false;
    };
    if chain.truncated || (!rest.is_empty() && first.len() != prefix + code_len) {
        return false;
    }
    let trunk = digits.get(code_len) == Some(&0);
    let trunk_group = trunk
        && rest
            .first()
            .is_some_and(|g| g.parenthesised && g.len() == 1);
    let Some(national_len) = digits.len().checked_sub(code_len + usize::from(trunk)) else {
        return false;
    };
    let groups_ok = rest.iter().enumerate().all(|(index, g)| {
        (g.len() >= 2 || index == 0 || (index == 1 && trunk_group))
            && (index == 0 || !g.parenthesised)
    });
    let (min, max) = national_length(digits, code_len);
    groups_ok && (min..=max).contains(&national_len) && code_len + national_len <= 15
}

/// The length of the country code at the start of `digits`, by the ITU-T E.164 prefix ranges.
fn country_code_len(digits: &[u8]) -> Option<usize> {
    match digits {
        [1 | 7, ..] => Some(1),
        [2, 0 | 7, ..]
        | [3, 0..=4 | 6 | 9, ..]
        | [4, 0 | 1 | 3..=9, ..]
        | [5, 1..=8, ..]
        | [6, 0..=6, ..]
        | [8, 1 | 2 | 4 | 6, ..]
        | [9, 0..=5 | 8, ..] => Some(2),
        [2..=9, _, ..] => Some(3),
        _ => None,
    }
}

/// The shortest and longest national number for the country code at the start of `digits`.
fn national_length(digits: &[u8], code_len: usize) -> (usize, usize) {
    match digits.get(..code_len) {
        Some([1] | [7]) => (10, 10),
        Some([3, 1] | [3, 3]) => (9, 9),
        Some([3, 2]) => (8, 9),
        Some([4, 4]) => (9, 10),
        Some([4, 9]) => (6, 13),
        Some([3, 5, 2]) => (6, 11),
        _ => (7, 12),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scrub::chain::MAX_DIGITS;

    fn national_text(text: &str) -> bool {
        Chain::read(text.as_bytes(), 0, false, MAX_DIGITS).is_some_and(|c| national(&c))
    }

    fn international_text(text: &str) -> bool {
        match text.strip_prefix('+') {
            Some(rest) => Chain::read(rest.as_bytes(), 0, true, MAX_DIGITS)
                .is_some_and(|c| international(&c, 0)),
            None => Chain::read(text.as_bytes(), 0, true, MAX_DIGITS)
                .is_some_and(|c| international(&c, 2)),
        }
    }

    #[test]
    fn belgian_national_forms() {
        for text in [
            "02 123 45 67",
            "0470 12 34 56",
            "0470/12.34.56",
            "09 123 45 67",
            "0471123456",
            "021234567",
            "02/123.45.67",
            "02 1234567",
            "050 12 34 56",
            "0470 123 456",
            "0800 12 345",
            "02\u{a0}123\u{a0}45\u{a0}67",
        ] {
            assert!(national_text(text), "{text}");
        }
    }

    #[test]
    fn not_belgian_national_forms() {
        for text in [
            "2026-11-30",
            "30/11/2026",
            "10.0.0.1",
            "0.9.12345678",
            "1234567",
            "0470 12 34 56 78",
            "047112345",
            "02 123 45 678 9",
            "05 123 45 67",
            "0470 12 34.56",
            "001234567",
            "04/12/2026 10",
            "0470 12 34 5a",
        ] {
            assert!(!national_text(text), "{text}");
        }
    }

    #[test]
    fn international_forms() {
        for text in [
            "+32 2 123 45 67",
            "+32 470 12 34 56",
            "+31 20 123 4567",
            "+33 1 23 45 67 89",
            "0032 470 12 34 56",
            "+32470123456",
            "0032470123456",
            "+32 (0)2 123 45 67",
            "+32 (0)470/12.34.56",
            "+44 20 7946 0958",
            "+1 202-555-0173",
            "+1 (202) 555-0173",
            "+49 30 12345678",
            "+352 26 12 34 56",
        ] {
            assert!(international_text(text), "{text}");
        }
    }

    #[test]
    fn not_international_forms() {
        for text in [
            "+0100",
            "+01 00",
            "+12345678",
            "+100 500 200 300",
            "+32 1234 5678 9012",
            "+44 1234 5678",
            "+1 2026-11-30",
            "+32 2 1 2 3 4 5 6 7",
            "+32 470 (12) 34 56",
            "00 32 470 12 34 56",
            "+32 470 12 34 56 78 90",
        ] {
            assert!(!international_text(text), "{text}");
        }
    }

    #[test]
    fn country_codes_follow_the_prefix_ranges() {
        assert_eq!(country_code_len(&[1, 2, 0]), Some(1));
        assert_eq!(country_code_len(&[3, 2, 4]), Some(2));
        assert_eq!(country_code_len(&[3, 5, 2]), Some(3));
        assert_eq!(country_code_len(&[4, 2, 0]), Some(3));
        assert_eq!(country_code_len(&[8, 8, 6]), Some(3));
        assert_eq!(country_code_len(&[0, 3, 2]), None);
    }
}
