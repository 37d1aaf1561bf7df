//! Digit groups joined by single separators: the written shape of phone numbers, whose separators national numbers
//! share.
//!
//! A chain starts at a digit and is a sequence of groups, each a maximal run of ASCII digits, joined by exactly one
//! separator: a space (ASCII, U+00A0 no-break or U+202F narrow no-break, as word processors insert them), `.`, `-`
//! or `/`. International phone numbers may also hold one parenthesised group such as `(0)` or `(202)`. A group glued
//! to a letter belongs to a word or a hash, not a number: the chain stops in front of it.
//!
//! Reading stops after [`MAX_DIGITS`] digits, which is more than any recogniser needs, so trying every token of a long
//! run of numbers stays linear.

use std::ops::Range;

/// The most digits read: `00`, the longest phone number (15 digits, E.164), and one more to see a longer run.
pub(super) const MAX_DIGITS: usize = 18;
const MAX_GROUPS: usize = MAX_DIGITS;

/// The kind of a separator between two groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sep {
    /// Any of the spaces.
    Space,
    /// `.`
    Dot,
    /// `-`
    Dash,
    /// `/`
    Slash,
}

/// The separator at `pos` and its length in bytes, if there is one.
pub(super) fn separator(bytes: &[u8], pos: usize) -> Option<(Sep, usize)> {
    match *bytes.get(pos)? {
        b' ' => Some((Sep::Space, 1)),
        b'.' => Some((Sep::Dot, 1)),
        b'-' => Some((Sep::Dash, 1)),
        b'/' => Some((Sep::Slash, 1)),
        _ => space(bytes, pos).map(|len| (Sep::Space, len)),
    }
}

/// The length of the space at `pos`: ASCII space, U+00A0 or U+202F.
pub(super) fn space(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos..)? {
        [b' ', ..] => Some(1),
        [0xC2, 0xA0, ..] => Some(2),
        [0xE2, 0x80, 0xAF, ..] => Some(3),
        _ => None,
    }
}

/// One group of a chain. Offsets are relative to the chain's first byte: a chain spans well under 256 bytes, and
/// small groups keep the chain cheap to build for every number-like word.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Group {
    start: u8,
    end: u8,
    len: u8,
    /// The separator in front of it; `None` for the first group and for a group glued to a closing parenthesis.
    pub sep: Option<Sep>,
    /// Written in parentheses.
    pub parenthesised: bool,
}

impl Group {
    /// How many digits the group holds.
    pub(super) fn len(&self) -> usize {
        usize::from(self.len)
    }
}

/// A chain of digit groups read from the text.
#[derive(Debug)]
pub(super) struct Chain {
    origin: usize,
    digits: [u8; MAX_DIGITS],
    groups: [Group; MAX_GROUPS],
    digit_count: u8,
    group_count: u8,
    /// The number goes on past what was read: more digits than the limit, or a group glued to a letter.
    pub truncated: bool,
}

impl Chain {
    /// Reads the chain starting at the digit at `start`, at most `limit` digits (capped at [`MAX_DIGITS`]); `parens`
    /// allows one parenthesised group after the first. `None` when `start` is not a digit or its group is glued to
    /// a letter.
    pub(super) fn read(bytes: &[u8], start: usize, parens: bool, limit: usize) -> Option<Self> {
        let mut chain = Self {
            origin: start,
            digits: [0; MAX_DIGITS],
            groups: [Group::default(); MAX_GROUPS],
            digit_count: 0,
            group_count: 0,
            truncated: false,
        };
        let limit = limit.min(MAX_DIGITS);
        let mut pos = start;
        let mut sep = None;
        let mut parens = parens;
        loop {
            let parenthesised = parens && chain.group_count > 0 && bytes.get(pos) == Some(&b'(');
            let group = if parenthesised {
                parens = false;
                chain.parenthesised(bytes, pos, sep, limit)
            } else {
                chain.plain(bytes, pos, sep, limit)
            };
            let Some(end) = group else {
                if chain.group_count == 0 {
                    return None;
                }
                break;
            };
            pos = end;
            if parenthesised && bytes.get(pos).is_some_and(u8::is_ascii_digit) {
                sep = None;
                continue;
            }
            match separator(bytes, pos) {
                Some((kind, len)) if starts_group(bytes, pos + len, parens) => {
                    sep = Some(kind);
                    pos += len;
                }
                _ => break,
            }
        }
        Some(chain)
    }

    /// Reads a plain digit group at `pos` and appends it; returns its end.
    fn plain(&mut self, bytes: &[u8], pos: usize, sep: Option<Sep>, limit: usize) -> Option<usize> {
        let run = bytes.get(pos..)?;
        let len = run.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        if run.get(len).is_some_and(u8::is_ascii_alphabetic) {
            self.truncated = true;
            return None;
        }
        self.push(run.get(..len)?, pos, pos + len, sep, false, limit)
    }

    /// Reads `(` one to four digits `)` at `pos` and appends it; returns its end.
    fn parenthesised(
        &mut self,
        bytes: &[u8],
        pos: usize,
        sep: Option<Sep>,
        limit: usize,
    ) -> Option<usize> {
        let inner = bytes.get(pos + 1..)?;
        let len = inner.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=4).contains(&len) || inner.get(len) != Some(&b')') {
            return None;
        }
        self.push(inner.get(..len)?, pos, pos + len + 2, sep, true, limit)
    }

    fn push(
        &mut self,
        digits: &[u8],
        start: usize,
        end: usize,
        sep: Option<Sep>,
        parenthesised: bool,
        limit: usize,
    ) -> Option<usize> {
        let first = usize::from(self.digit_count);
        let total = first + digits.len();
        let relative = |at: usize| u8::try_from(at - self.origin).ok();
        let (Some(slots), Some(slot), Some(start), Some(end), Ok(len), Ok(count)) = (
            self.digits.get_mut(first..total).filter(|_| total <= limit),
            self.groups.get_mut(usize::from(self.group_count)),
            relative(start),
            relative(end),
            u8::try_from(digits.len()),
            u8::try_from(total),
        ) else {
            self.truncated = true;
            return None;
        };
        for (d, b) in slots.iter_mut().zip(digits) {
            *d = b - b'0';
        }
        *slot = Group {
            start,
            end,
            len,
            sep,
            parenthesised,
        };
        self.digit_count = count;
        self.group_count += 1;
        Some(self.origin + usize::from(end))
    }

    /// The groups read, in order.
    pub(super) fn groups(&self) -> &[Group] {
        self.groups
            .get(..usize::from(self.group_count))
            .unwrap_or_default()
    }

    /// The digit values (0–9) read, in order.
    pub(super) fn digits(&self) -> &[u8] {
        self.digits
            .get(..usize::from(self.digit_count))
            .unwrap_or_default()
    }

    /// The byte offset where `group` starts.
    pub(super) fn start_of(&self, group: &Group) -> usize {
        self.origin + usize::from(group.start)
    }

    /// The byte offset just past `group`.
    pub(super) fn end_of(&self, group: &Group) -> usize {
        self.origin + usize::from(group.end)
    }

    /// The byte range from the first group to the end of the last.
    pub(super) fn span(&self) -> Range<usize> {
        let groups = self.groups();
        let start = groups.first().map_or(self.origin, |g| self.start_of(g));
        start..groups.last().map_or(start, |g| self.end_of(g))
    }
}

fn starts_group(bytes: &[u8], pos: usize, parens: bool) -> bool {
    bytes
        .get(pos)
        .is_some_and(|&b| b.is_ascii_digit() || (parens && b == b'('))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lens(text: &str, parens: bool) -> Option<(Vec<usize>, bool)> {
        let chain = Chain::read(text.as_bytes(), 0, parens, MAX_DIGITS)?;
        Some((
            chain.groups().iter().map(Group::len).collect(),
            chain.truncated,
        ))
    }

    #[test]
    fn groups_are_split_on_single_separators() {
        assert_eq!(
            lens("85.07.30-033.28 end", false),
            Some((vec![2, 2, 2, 3, 2], false))
        );
        assert_eq!(
            lens("0470/12.34.56.", false),
            Some((vec![4, 2, 2, 2], false))
        );
        assert_eq!(
            lens("02\u{a0}123\u{202f}45 67", false),
            Some((vec![2, 3, 2, 2], false))
        );
        assert_eq!(lens("12 - 34", false), Some((vec![2], false)));
        assert_eq!(lens("12:30:45", false), Some((vec![2], false)));
    }

    #[test]
    fn letters_end_the_chain() {
        assert_eq!(lens("12ab", false), None);
        assert_eq!(lens("12-34ab", false), Some((vec![2], true)));
        assert_eq!(lens("ab", false), None);
    }

    #[test]
    fn one_parenthesised_group_when_allowed() {
        assert_eq!(lens("32 (0)2 123", true), Some((vec![2, 1, 1, 3], false)));
        assert_eq!(
            lens("1 (202) 555-0173", true),
            Some((vec![1, 3, 3, 4], false))
        );
        assert_eq!(lens("32 (0)2 123", false), Some((vec![2], false)));
        assert_eq!(lens("1 (2) (3)", true), Some((vec![1, 1], false)));
    }

    #[test]
    fn reading_stops_after_the_digit_cap() {
        let (groups, truncated) = lens("1234 5678 9012 3456 7890", false).unwrap();
        assert_eq!(groups, vec![4, 4, 4, 4]);
        assert!(truncated);
        assert!(Chain::read(b"12345678901234567890", 0, false, MAX_DIGITS).is_none());
        let chain = Chain::read(b"85.07.30-033.28.12", 0, false, 11).unwrap();
        assert_eq!(chain.groups().len(), 5);
        assert!(chain.truncated);
        assert_eq!(chain.span(), 0..15);
    }
}
