//! Small helpers for writing sentences about counts.

/// `n` followed by the singular or plural word: "1 hypothesis",
/// "3 hypotheses".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` with its first letter in upper case, to start a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_capitals() {
        assert_eq!(counted(1, "matrix", "matrices"), "1 matrix");
        assert_eq!(counted(0, "matrix", "matrices"), "0 matrices");
        assert_eq!(capitalised("édit"), "Édit");
        assert_eq!(capitalised(""), "");
    }
}
