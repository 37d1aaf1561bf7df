//! Line and column of byte offsets, for reports that point at a finding.

/// A 1-based line and a 1-based column counted in characters (Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, counting `\n` line breaks.
    pub line: usize,
    /// The column in characters.
    pub column: usize,
}

/// The position of `byte_offset` in `text`. An offset past the end counts as the end; one inside a character
/// counts as the start of that character.
#[must_use]
pub fn position(text: &str, byte_offset: usize) -> Position {
    Positions::new(text).at(byte_offset)
}

/// Positions of many offsets in one forward pass: asking for increasing offsets (as findings come) costs one walk
/// over the text in all, where [`position`] per offset would walk from the top each time.
#[derive(Debug, Clone)]
pub struct Positions<'a> {
    text: &'a str,
    offset: usize,
    current: Position,
}

impl<'a> Positions<'a> {
    /// Starts at the top of `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            offset: 0,
            current: Position { line: 1, column: 1 },
        }
    }

    /// The position of `byte_offset`, read on from the previous one; an earlier offset than the previous one starts
    /// again from the top. Offsets are clamped like in [`position`].
    pub fn at(&mut self, byte_offset: usize) -> Position {
        let target = self.text.floor_char_boundary(byte_offset);
        if target < self.offset {
            *self = Self::new(self.text);
        }
        let between = self
            .text
            .as_bytes()
            .get(self.offset..target)
            .unwrap_or_default();
        match memchr::memrchr(b'\n', between) {
            Some(last) => {
                self.current.line += memchr::memchr_iter(b'\n', between).count();
                self.current.column = 1 + chars(between.get(last + 1..).unwrap_or_default());
            }
            None => self.current.column += chars(between),
        }
        self.offset = target;
        self.current
    }
}

/// Characters in UTF-8 bytes that start and end on character boundaries: every byte but continuation bytes.
fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let text = "first\nsécond line\n\nlast";
        assert_eq!(position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position(text, 5), Position { line: 1, column: 6 });
        assert_eq!(position(text, 6), Position { line: 2, column: 1 });
        let c = text.find("cond").unwrap();
        assert_eq!(position(text, c), Position { line: 2, column: 3 });
        assert_eq!(
            position(text, text.find("last").unwrap()),
            Position { line: 4, column: 1 }
        );
        assert_eq!(position(text, text.len()), Position { line: 4, column: 5 });
    }

    #[test]
    fn odd_offsets_are_clamped() {
        let text = "é€\nx";
        assert_eq!(position(text, 1), Position { line: 1, column: 1 });
        assert_eq!(position(text, 3), Position { line: 1, column: 2 });
        assert_eq!(position(text, 4), Position { line: 1, column: 2 });
        assert_eq!(position(text, 999), Position { line: 2, column: 2 });
    }

    /// The obvious definition, for comparison.
    fn naive(text: &str, offset: usize) -> Position {
        let before = &text[..text.floor_char_boundary(offset)];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: 1 + before.matches('\n').count(),
            column: 1 + before[line_start..].chars().count(),
        }
    }

    #[test]
    fn one_pass_agrees_with_the_definition() {
        let text = "a\n€b\r\nc😀d\n\ne";
        let mut positions = Positions::new(text);
        for offset in (0..=text.len() + 1).chain([3, 0, text.len()]) {
            assert_eq!(positions.at(offset), naive(text, offset), "{offset}");
        }
    }
}
