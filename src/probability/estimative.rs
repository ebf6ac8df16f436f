//! Words for probabilities on the ICD 203 scale.

/// The ICD 203 estimative word for a probability (US Intelligence Community
/// Directive 203, Analytic Standards): almost no chance 1–5%, very unlikely
/// 5–20%, unlikely 20–45%, roughly even chance 45–55%, likely 55–80%, very
/// likely 80–95%, almost certain 95–99%.
///
/// The directive's bands share their end points; here the roughly-even band
/// keeps both of its ends and every other band keeps the end nearer 50%, so
/// the words are symmetric (p and 1 − p get mirrored words). Values below 1%
/// or above 99% take the outermost words.
pub fn estimative_word(p: f64) -> &'static str {
    if p < 0.05 {
        "almost no chance"
    } else if p < 0.20 {
        "very unlikely"
    } else if p < 0.45 {
        "unlikely"
    } else if p <= 0.55 {
        "roughly even chance"
    } else if p <= 0.80 {
        "likely"
    } else if p <= 0.95 {
        "very likely"
    } else {
        "almost certain"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_icd_203() {
        let cases = [
            (0.01, "almost no chance"),
            (0.05, "very unlikely"),
            (0.19, "very unlikely"),
            (0.20, "unlikely"),
            (0.45, "roughly even chance"),
            (0.50, "roughly even chance"),
            (0.55, "roughly even chance"),
            (0.56, "likely"),
            (0.80, "likely"),
            (0.81, "very likely"),
            (0.95, "very likely"),
            (0.96, "almost certain"),
            (1.0, "almost certain"),
        ];
        for (p, word) in cases {
            assert_eq!(estimative_word(p), word, "{p}");
        }
    }

    #[test]
    fn words_mirror_around_one_half() {
        let mirror = |word| match word {
            "almost no chance" => "almost certain",
            "very unlikely" => "very likely",
            "unlikely" => "likely",
            "likely" => "unlikely",
            "very likely" => "very unlikely",
            "almost certain" => "almost no chance",
            other => other,
        };
        // Hundredths are exact enough that 1 − p lands in the mirrored band.
        for hundredths in 0..=100u32 {
            let p = f64::from(hundredths) / 100.0;
            let q = f64::from(100 - hundredths) / 100.0;
            assert_eq!(estimative_word(q), mirror(estimative_word(p)), "{p}");
        }
    }
}
