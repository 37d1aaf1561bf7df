//! A readable line-by-line difference between two versions of a text.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// What happened to a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineChange {
    /// In both versions.
    Same,
    /// Only in the older version.
    Removed,
    /// Only in the newer version.
    Added,
}

/// One line of a difference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DiffLine {
    /// What happened to it.
    pub change: LineChange,
    /// Its number in the older version.
    pub old_line: Option<usize>,
    /// Its number in the newer version.
    pub new_line: Option<usize>,
    /// The line, without its line break.
    pub text: String,
}

/// The lines of `old` and `new` with what changed, keeping `context` unchanged lines around each change (the
/// rest of the unchanged lines are left out).
#[must_use]
pub fn lines(old: &str, new: &str, context: usize) -> Vec<DiffLine> {
    let diff = TextDiff::from_lines(old, new);
    diff.grouped_ops(context)
        .iter()
        .flatten()
        .flat_map(|op| diff.iter_changes(op))
        .map(|change| DiffLine {
            change: match change.tag() {
                ChangeTag::Equal => LineChange::Same,
                ChangeTag::Delete => LineChange::Removed,
                ChangeTag::Insert => LineChange::Added,
            },
            old_line: change.old_index().map(|i| i + 1),
            new_line: change.new_index().map(|i| i + 1),
            text: change.value().trim_end_matches(['\n', '\r']).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_lines_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\n";
        let new = "a\nb\nc\nD\ne\nf\ng\nh\n";
        let got: Vec<(LineChange, Option<usize>, Option<usize>, String)> = lines(old, new, 1)
            .into_iter()
            .map(|l| (l.change, l.old_line, l.new_line, l.text))
            .collect();
        let got: Vec<(LineChange, Option<usize>, Option<usize>, &str)> = got
            .iter()
            .map(|(c, o, n, t)| (*c, *o, *n, t.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (LineChange::Same, Some(3), Some(3), "c"),
                (LineChange::Removed, Some(4), None, "d"),
                (LineChange::Added, None, Some(4), "D"),
                (LineChange::Same, Some(5), Some(5), "e"),
                (LineChange::Same, Some(7), Some(7), "g"),
                (LineChange::Added, None, Some(8), "h"),
            ]
        );
    }

    #[test]
    fn identical_texts_have_no_difference() {
        assert!(lines("same\n", "same\n", 3).is_empty());
    }
}
