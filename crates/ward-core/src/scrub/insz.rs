//! Belgian national register numbers (INSZ / NISS / RRN) and BIS numbers.
//!
//! Accepted grammar: eleven digits `YYMMDDSSSCC` starting at `start`, in groups whose breaks fall only after the year,
//! month, day or sequence (digit positions 2, 4, 6 and 9), each break one [separator](super::chain::separator) of any
//! kind (space, no-break space, `.`, `-`, `/`), mixed freely. So `85073003328`, `85.07.30-033.28`, `85 07 30 033 28`,
//! `850730 033 28`, `850730-03328`, `85.07.30.033-28` all match, `8507 3003 328` does not. The eleventh digit must
//! end its group (a twelfth digit or a letter right after it means a longer number or a hash). What follows after a
//! separator does not matter: a national number is never let through because more digits follow it (fail closed).
//! The scanner only starts here at a word boundary, so a letter or digit in front also means a longer run.
//!
//! The digits must then pass the rule of the reference (healthcare.md §6.3): check number `CC = 97 − (N9 mod 97)`
//! (born before 2000) or `97 − ((2_000_000_000 + N9) mod 97)` (from 2000), either accepted; month 00–12 for a national
//! number, 20–32 or 40–52 for a BIS number; day at most 31; sequence neither 000 nor 999.
//!
//! The bytes are read directly rather than through a [`Chain`](super::chain::Chain): this runs on every
//! number-like word and gives up at the first group of the wrong length.

use super::FindingKind;
use super::chain::separator;

const DIGITS: usize = 11;

/// A national or BIS number starting at the digit at `start`: its kind and its end.
pub(super) fn find(bytes: &[u8], start: usize) -> Option<(FindingKind, usize)> {
    let mut number = 0;
    let mut count = 0;
    let mut pos = start;
    loop {
        let run = bytes.get(pos..)?;
        let len = run
            .iter()
            .take(DIGITS + 1 - count)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if len == 0 || count + len > DIGITS || run.get(len).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        number = run
            .iter()
            .take(len)
            .fold(number, |n, b| n * 10 + u64::from(b - b'0'));
        count += len;
        pos += len;
        if count == DIGITS {
            return classify(number / 100, number % 100).map(|kind| (kind, pos));
        }
        if !field_end(count) {
            return None;
        }
        pos += separator(bytes, pos)?.1;
    }
}

/// Whether `count` digits end a field (year, month, day, sequence, check), where a group may end.
pub(super) fn field_end(count: usize) -> bool {
    matches!(count, 2 | 4 | 6 | 9 | DIGITS)
}

/// The kind of a valid number, from its first nine digits `n9` and its check number.
fn classify(n9: u64, check: u64) -> Option<FindingKind> {
    let kind = match n9 / 100_000 % 100 {
        0..=12 => FindingKind::NationalNumber,
        20..=32 | 40..=52 => FindingKind::BisNumber,
        _ => return None,
    };
    let sequence = n9 % 1000;
    if n9 / 1000 % 100 > 31 || sequence == 0 || sequence == 999 {
        return None;
    }
    let before_2000 = 97 - n9 % 97;
    let from_2000 = 97 - (2_000_000_000 + n9) % 97;
    (check == before_2000 || check == from_2000).then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<FindingKind> {
        find(text.as_bytes(), 0).map(|(kind, _)| kind)
    }

    #[test]
    fn reference_vectors() {
        assert_eq!(kind("85.07.30-033.28"), Some(FindingKind::NationalNumber));
        assert_eq!(kind("17.07.30-033.84"), Some(FindingKind::NationalNumber));
        assert_eq!(kind("98.47.28-997.65"), Some(FindingKind::BisNumber));
        assert_eq!(kind("01.49.07-001.85"), Some(FindingKind::BisNumber));
    }

    #[test]
    fn separator_variants() {
        for text in [
            "85073003328",
            "850730 033 28",
            "85.07.30-033.28",
            "85.07.30.033-28",
            "850730-033-28",
            "85 07 30 033 28",
            "850730-03328",
            "850730033.28",
            "85/07/30 033 28",
            "85\u{a0}07\u{a0}30\u{a0}033\u{a0}28",
        ] {
            assert_eq!(kind(text), Some(FindingKind::NationalNumber), "{text}");
        }
    }

    #[test]
    fn near_misses() {
        for text in [
            "85.07.30-033.29",  // wrong check number
            "85.07.30-033.2",   // ten digits
            "85.07.30-033.28a", // glued to a letter
            "8507 3003 328",    // breaks inside fields
            "85.07.30-0332.8",  // break inside the sequence
            "850730033281",     // twelve digits
            "85.07.30-033.280", // twelve digits
        ] {
            assert_eq!(kind(text), None, "{text}");
        }
    }

    /// Builds a number with a correct check number for the given fields, so that only the field rule can refuse it.
    fn with_check(yymmdd: &str, seq: &str) -> String {
        let n9: u64 = format!("{yymmdd}{seq}").parse().unwrap();
        format!("{yymmdd}{seq}{:02}", 97 - n9 % 97)
    }

    #[test]
    fn field_rules() {
        assert_eq!(kind(&with_check("851330", "033")), None, "month 13");
        assert_eq!(kind(&with_check("853330", "033")), None, "month 33");
        assert_eq!(kind(&with_check("855330", "033")), None, "month 53");
        assert_eq!(kind(&with_check("850732", "033")), None, "day 32");
        assert_eq!(kind(&with_check("850730", "000")), None, "sequence 000");
        assert_eq!(kind(&with_check("850730", "999")), None, "sequence 999");
        assert_eq!(
            kind(&with_check("850000", "001")),
            Some(FindingKind::NationalNumber),
            "unknown date"
        );
        assert_eq!(
            kind(&with_check("852030", "001")),
            Some(FindingKind::BisNumber),
            "month 20"
        );
        assert_eq!(
            kind(&with_check("855230", "998")),
            Some(FindingKind::BisNumber),
            "month 52"
        );
    }

    #[test]
    fn the_number_ends_with_its_last_group() {
        assert_eq!(
            find(b"85.07.30-033.28.12", 0),
            Some((FindingKind::NationalNumber, 15))
        );
        assert_eq!(
            find(b"85 07 30 033 28 ", 0),
            Some((FindingKind::NationalNumber, 15))
        );
        assert_eq!(find(b"85 07 30 033 28", 3), None);
    }
}
