//! Identifiers of hypotheses and evidence items.

/// Whether `id` may name a hypothesis or evidence item: one or more of
/// `A-Z a-z 0-9 _ -`. The rule keeps ids usable as bare TOML keys in the
/// `ratings` table and as column headers in every export.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-')
}

/// The first id of the form `{prefix}{n}` (n = 1, 2, ...) that `taken` does
/// not already use; how the workbench names new hypotheses (`H4`) and
/// evidence (`E13`).
pub fn next_free_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|candidate| taken.clone().all(|id| id != candidate))
        .expect("an unbounded range always yields a free id")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_letters_digits_dash_and_underscore() {
        assert!(is_valid_id("H1"));
        assert!(is_valid_id("e-12_b"));
    }

    #[test]
    fn rejects_empty_and_other_characters() {
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("H 1"));
        assert!(!is_valid_id("H.1"));
        assert!(!is_valid_id("Hé"));
    }

    #[test]
    fn next_free_id_skips_taken_numbers() {
        let taken = ["H1", "H2", "H4"];
        assert_eq!(next_free_id("H", taken.iter().copied()), "H3");
        assert_eq!(next_free_id("E", [].iter().copied()), "E1");
    }
}
