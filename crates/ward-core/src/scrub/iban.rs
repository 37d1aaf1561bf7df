//! International bank account numbers (ISO 13616).
//!
//! Accepted grammar: two letters (the country, either case), two digits (the check), then letters and digits,
//! starting at a word boundary and written either compact (`BE68539007547034`, one word) or in groups of four split
//! by single spaces (`BE68 5390 0754 7034`; ASCII, no-break or narrow no-break space), the last group one to four
//! characters long. The whole must pass the mod-97 check (the first four characters moved to the end, letters read
//! as 10–35, remainder 1) and have the length registered for its country; for a country missing from [`LENGTHS`],
//! any length from 15 to 34, and then only with an upper-case country code, because lower-case hex digests would
//! otherwise pass one time in 97.

use super::chain::space;

/// IBAN lengths from the SWIFT IBAN registry. Countries whose length changed in recent releases (Costa Rica, Egypt)
/// are left to the general rule, which accepts both the old and the new length.
const LENGTHS: &[([u8; 2], usize)] = &[
    (*b"AD", 24),
    (*b"AE", 23),
    (*b"AL", 28),
    (*b"AT", 20),
    (*b"AZ", 28),
    (*b"BA", 20),
    (*b"BE", 16),
    (*b"BG", 22),
    (*b"BH", 22),
    (*b"BR", 29),
    (*b"CH", 21),
    (*b"CY", 28),
    (*b"CZ", 24),
    (*b"DE", 22),
    (*b"DK", 18),
    (*b"DO", 28),
    (*b"EE", 20),
    (*b"ES", 24),
    (*b"FI", 18),
    (*b"FO", 18),
    (*b"FR", 27),
    (*b"GB", 22),
    (*b"GE", 22),
    (*b"GI", 23),
    (*b"GL", 18),
    (*b"GR", 27),
    (*b"GT", 28),
    (*b"HR", 21),
    (*b"HU", 28),
    (*b"IE", 22),
    (*b"IL", 23),
    (*b"IS", 26),
    (*b"IT", 27),
    (*b"JO", 30),
    (*b"KW", 30),
    (*b"KZ", 20),
    (*b"LB", 28),
    (*b"LI", 21),
    (*b"LT", 20),
    (*b"LU", 20),
    (*b"LV", 21),
    (*b"MC", 27),
    (*b"MD", 24),
    (*b"ME", 22),
    (*b"MK", 19),
    (*b"MR", 27),
    (*b"MT", 31),
    (*b"MU", 30),
    (*b"NL", 18),
    (*b"NO", 15),
    (*b"PK", 24),
    (*b"PL", 28),
    (*b"PS", 29),
    (*b"PT", 25),
    (*b"QA", 29),
    (*b"RO", 24),
    (*b"RS", 22),
    (*b"SA", 24),
    (*b"SE", 24),
    (*b"SI", 19),
    (*b"SK", 24),
    (*b"SM", 27),
    (*b"TN", 24),
    (*b"TR", 26),
    (*b"UA", 29),
    (*b"VG", 24),
    (*b"XK", 20),
];

const MIN_LEN: usize = 15;
const MAX_LEN: usize = 34;

/// The end of an IBAN starting at the word `start..word_end`, if there is one.
pub(super) fn find(bytes: &[u8], start: usize, word_end: usize) -> Option<usize> {
    let head = bytes.get(start..start + 4)?;
    let [c1, c2, d1, d2] = *head else {
        return None;
    };
    if !(c1.is_ascii_alphabetic()
        && c2.is_ascii_alphabetic()
        && d1.is_ascii_digit()
        && d2.is_ascii_digit())
    {
        return None;
    }
    let country = [c1.to_ascii_uppercase(), c2.to_ascii_uppercase()];
    let expected = LENGTHS
        .iter()
        .find(|(code, _)| *code == country)
        .map(|&(_, len)| len);
    if expected.is_none() && !(c1.is_ascii_uppercase() && c2.is_ascii_uppercase()) {
        return None;
    }
    let fits = |len: usize| expected.map_or((MIN_LEN..=MAX_LEN).contains(&len), |e| e == len);
    let head_rest = mod97(0, head)?;
    let valid = |bban_rest: u32| (bban_rest * POW10_6_MOD97 + head_rest) % 97 == 1;

    let word_len = word_end - start;
    if word_len > 4 {
        let bban = bytes.get(start + 4..word_end)?;
        return (fits(word_len) && valid(mod97(0, bban)?)).then_some(word_end);
    }
    let mut found = None;
    let mut len = 4;
    let mut rest = 0;
    let mut pos = word_end;
    while let Some(sep) = space(bytes, pos) {
        let group_start = pos + sep;
        let group_len = bytes
            .get(group_start..)?
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if group_len == 0 || group_len > 4 || len + group_len > MAX_LEN {
            break;
        }
        pos = group_start + group_len;
        len += group_len;
        rest = mod97(rest, bytes.get(group_start..pos)?)?;
        if fits(len) && valid(rest) {
            found = Some(pos);
        }
        if group_len < 4 || expected == Some(len) {
            break;
        }
    }
    found
}

/// 10⁶ mod 97: moves a remainder past the six digits that the country code and check digits become.
const POW10_6_MOD97: u32 = 1_000_000 % 97;

/// Extends the mod-97 remainder `rest` with `chars` (digits as themselves, letters as 10–35).
fn mod97(rest: u32, chars: &[u8]) -> Option<u32> {
    chars.iter().try_fold(rest, |rest, &c| match c {
        b'0'..=b'9' => Some((rest * 10 + u32::from(c - b'0')) % 97),
        b'a'..=b'z' | b'A'..=b'Z' => {
            Some((rest * 100 + u32::from(c.to_ascii_uppercase() - b'A') + 10) % 97)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iban(text: &str) -> Option<&str> {
        let bytes = text.as_bytes();
        let word_end = bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        find(bytes, 0, word_end).and_then(|end| text.get(..end))
    }

    #[test]
    fn registry_examples() {
        for text in [
            "BE68 5390 0754 7034",
            "BE71 0961 2345 6769",
            "NL91 ABNA 0417 1643 00",
            "FR14 2004 1010 0505 0001 3M02 606",
            "DE89 3704 0044 0532 0130 00",
            "GB29 NWBK 6016 1331 9268 19",
            "LU28 0019 4006 4475 0000",
            "BE68539007547034",
            "be68 5390 0754 7034",
            "nl91abna0417164300",
            "BE68\u{a0}5390\u{a0}0754\u{a0}7034",
        ] {
            assert_eq!(iban(text), Some(text), "{text}");
        }
    }

    #[test]
    fn the_iban_ends_where_its_length_does() {
        assert_eq!(
            iban("BE68 5390 0754 7034 5678"),
            Some("BE68 5390 0754 7034")
        );
        assert_eq!(
            iban("BE68 5390 0754 7034 for rent"),
            Some("BE68 5390 0754 7034")
        );
        assert_eq!(
            iban("DE89 3704 0044 0532 0130 00 and more"),
            Some("DE89 3704 0044 0532 0130 00")
        );
    }

    #[test]
    fn refused() {
        for text in [
            "BE69 5390 0754 7034",
            "BE68 5390 0754 703",
            "BE68 5390 0754 70345",
            "BE68  5390 0754 7034",
            "BE68-5390-0754-7034",
            "BE685390075470341",
            "NL91ABNA041716430",
            "CVE-2024-12345",
            "xx12345678901234567",
        ] {
            assert_eq!(iban(text), None, "{text}");
        }
    }

    #[test]
    fn unknown_countries_need_their_code_in_upper_case() {
        let text = "ZZ".to_owned() + &check_for("ZZ", "1234567890123");
        assert_eq!(iban(&text), Some(text.as_str()));
        assert_eq!(iban(&text.to_ascii_lowercase()), None);
    }

    /// Check digits and BBAN for `country` and `bban`, computed the way ISO 13616 prescribes.
    fn check_for(country: &str, bban: &str) -> String {
        let rest = mod97(0, format!("{bban}{country}00").as_bytes()).unwrap();
        format!("{:02}{bban}", 98 - rest)
    }
}
