//! `ach score` on the real binary: the table a person reads and the JSON
//! that scripts rely on (key names, key order, rank order, file order and
//! hand-computed values).

use std::fmt;
use std::path::Path;

use assert_cmd::Command;
use serde::Deserialize;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde_json::Value;

const FULL: &str = "tests/fixtures/valid/full.toml";
const SQRT_2: f64 = std::f64::consts::SQRT_2;

/// `ach` run from the repository root.
fn ach() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ach"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Stdout of a command that must succeed with nothing on stderr.
fn stdout_of(args: &[&str]) -> String {
    let output = ach().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "ach {args:?}: {stderr}");
    assert_eq!(stderr, "", "ach {args:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn json_of(matrix: &str) -> Value {
    serde_json::from_str(&stdout_of(&["score", matrix, "--json"])).expect("valid JSON")
}

#[test]
fn score_table_of_the_full_fixture() {
    // Hypotheses least inconsistent first; evidence most diagnostic first,
    // equally diagnostic items in file order; long summaries cut with `…`.
    insta::assert_snapshot!(stdout_of(&["score", FULL]), @r#"
What happened at the harbour terminal on the night of 3–4 March?
Why did an unplated truck enter the container terminal at 02:10 with the gate camera switched off?

Hypotheses, least inconsistent first
Rank  Id  Hypothesis                           Inconsistency  Weighted  Consistency  Unrated
   1  H3  Smuggling through the terminal                   0      0.00         2.83        2
   2  H2  Unlicensed night delivery, no theft              1      1.41         5.41        1
   3  H1  Insider-assisted theft                           3      4.50         4.24        1

Evidence, most diagnostic first
Diagnosticity  Id  Evidence
         1.63  E3  No shipping company has reported a theft
         1.25  E2  Night supervisor switched off the gate 2 camera at 01:55 "for mainten…
         0.00  E1  Gate log records no badge swipe for the 02:10 entry
         0.00  E4  Hauliers avoid the terminal at night unless paid extra
         0.00  E5  Harbour police patrol log for the night is missing

Sensitivity
H3 leads by 1.41 weighted inconsistency over H2
Critical items (removing one alone changes the lead): E2
Fragile cells (one rating step changes the lead): 2
  E2: rating H2 N instead of I would make H2 lead
  E3: rating H3 I instead of N would make H2 lead
"#);
}

#[test]
fn score_table_of_an_empty_matrix_has_headers_only() {
    assert_eq!(
        stdout_of(&["score", "tests/fixtures/valid/minimal.toml"]),
        "An analysis not yet started\n\nHypotheses, least inconsistent first\n\
         Rank  Id  Hypothesis  Inconsistency  Weighted  Consistency  Unrated\n\n\
         Evidence, most diagnostic first\nDiagnosticity  Id  Evidence\n\n\
         Sensitivity\nno hypothesis leads\n\
         Critical items (removing one alone changes the lead): none\n\
         Fragile cells (one rating step changes the lead): 0\n"
    );
}

/// JSON with the order of object keys kept, which `serde_json::Value`
/// (a sorted map without the `preserve_order` feature) would lose.
#[derive(Debug, PartialEq)]
enum Ordered {
    Scalar,
    Array(Vec<Ordered>),
    Object(Vec<(String, Ordered)>),
}

impl Ordered {
    fn keys(&self) -> Vec<&str> {
        match self {
            Ordered::Object(entries) => entries.iter().map(|(key, _)| key.as_str()).collect(),
            other => panic!("not an object: {other:?}"),
        }
    }

    fn get(&self, key: &str) -> &Ordered {
        match self {
            Ordered::Object(entries) => {
                &entries
                    .iter()
                    .find(|(k, _)| k == key)
                    .unwrap_or_else(|| panic!("no key {key}"))
                    .1
            }
            other => panic!("not an object: {other:?}"),
        }
    }

    fn items(&self) -> &[Ordered] {
        match self {
            Ordered::Array(items) => items,
            other => panic!("not an array: {other:?}"),
        }
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor;

        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = Ordered;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_bool<E>(self, _: bool) -> Result<Ordered, E> {
                Ok(Ordered::Scalar)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<Ordered, E> {
                Ok(Ordered::Scalar)
            }
            fn visit_unit<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::Scalar)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Ordered::Array(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered::Object(entries))
            }
        }

        deserializer.deserialize_any(OrderedVisitor)
    }
}

#[test]
fn json_has_exactly_the_documented_keys_in_the_documented_order() {
    let text = stdout_of(&["score", FULL, "--json"]);
    let report: Ordered = serde_json::from_str(&text).unwrap();
    // The first three keys are the original ones; the rest were added
    // later, after them, as the README promises.
    assert_eq!(
        report.keys(),
        [
            "title",
            "hypotheses",
            "evidence",
            "leader",
            "critical",
            "fragile",
            "margin",
            "coherence"
        ]
    );
    for cell in report.get("fragile").items() {
        assert_eq!(
            cell.keys(),
            ["evidence", "hypothesis", "from", "to", "leader"]
        );
    }
    assert_eq!(report.get("coherence").keys(), ["judged_sum", "coherent"]);
    let hypotheses = report.get("hypotheses").items();
    assert_eq!(hypotheses.len(), 3);
    for hypothesis in hypotheses {
        assert_eq!(
            hypothesis.keys(),
            [
                "id",
                "title",
                "rank",
                "inconsistency",
                "weighted_inconsistency",
                "weighted_consistency",
                "unrated",
                "prior",
                "posterior",
                "judged"
            ]
        );
    }
    let evidence = report.get("evidence").items();
    assert_eq!(evidence.len(), 5);
    for item in evidence {
        assert_eq!(item.keys(), ["id", "summary", "diagnosticity"]);
    }
}

fn assert_close(actual: &Value, expected: f64, what: &str) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: not a number"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: {actual} != {expected}"
    );
}

#[test]
fn json_scores_are_the_hand_computed_ones_in_rank_order() {
    // Weights (credibility × relevance): E1 high × medium = √2,
    // E2 medium × high = √2, E3 high × high = 2, E4 low × low = 1/2,
    // E5 medium × medium = 1 (rated against nothing).
    let report = json_of(FULL);
    assert_eq!(
        report["title"],
        "What happened at the harbour terminal on the night of 3–4 March?"
    );
    // (id, title, rank, inconsistency, weighted inconsistency,
    //  weighted consistency, unrated)
    let expected = [
        // H3: C, C, N, unrated, unrated → no inconsistency; √2 + √2.
        (
            "H3",
            "Smuggling through the terminal",
            1,
            0,
            0.0,
            2.0 * SQRT_2,
            2,
        ),
        // H2: C, I, CC, NA, unrated → I on E2 (√2); √2·1 + 2·2.
        (
            "H2",
            "Unlicensed night delivery, no theft",
            2,
            1,
            SQRT_2,
            SQRT_2 + 4.0,
            1,
        ),
        // H1: C, CC, II, I, unrated → 2·2 + ½·1 = 4.5; √2·1 + √2·2.
        ("H1", "Insider-assisted theft", 3, 3, 4.5, 3.0 * SQRT_2, 1),
    ];
    let hypotheses = report["hypotheses"].as_array().unwrap();
    assert_eq!(hypotheses.len(), expected.len());
    for (actual, (id, title, rank, inconsistency, weighted, consistency, unrated)) in
        hypotheses.iter().zip(expected)
    {
        assert_eq!(actual["id"], id);
        assert_eq!(actual["title"], title);
        assert_eq!(actual["rank"], rank, "{id}");
        assert_eq!(actual["inconsistency"], inconsistency, "{id}");
        assert_close(&actual["weighted_inconsistency"], weighted, id);
        assert_close(&actual["weighted_consistency"], consistency, id);
        assert_eq!(actual["unrated"], unrated, "{id}");
    }

    // Evidence in file order, not by diagnosticity. Population sd on
    // CC = 2 … II = −2 without NA and unrated cells:
    let expected = [
        // C, C, C → all equal.
        ("E1", 0.0),
        // CC, I, C → 2, −1, 1: mean 2/3, variance 14/9.
        ("E2", (14.0f64 / 9.0).sqrt()),
        // II, CC, N → −2, 2, 0: variance 8/3.
        ("E3", (8.0f64 / 3.0).sqrt()),
        // I, NA, unrated → one value only.
        ("E4", 0.0),
        // nothing rated.
        ("E5", 0.0),
    ];
    let evidence = report["evidence"].as_array().unwrap();
    assert_eq!(evidence.len(), expected.len());
    for (actual, (id, diagnosticity)) in evidence.iter().zip(expected) {
        assert_eq!(actual["id"], id);
        assert_close(&actual["diagnosticity"], diagnosticity, id);
    }
    assert_eq!(
        evidence[1]["summary"],
        "Night supervisor switched off the gate 2 camera at 01:55 \"for maintenance\""
    );
}

#[test]
fn the_readme_example_is_what_ach_score_prints() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme.find("### `ach score --json`").unwrap()..];
    let start = section.find("```json").unwrap() + "```json".len();
    let end = start + section[start..].find("```").unwrap();
    let example: Value = serde_json::from_str(&section[start..end]).unwrap();
    assert_eq!(example, json_of(FULL));
}

#[test]
fn json_says_what_the_lead_rests_on() {
    // H3 leads (no inconsistency, 2√2 consistency) over H2 (√2, √2 + 4).
    // Without E2, H2 has no inconsistency and more consistency: E2 is the
    // one critical item. One step each: E2 against H2 from I to N hands H2
    // the lead, and so does E3 against H3 from N to I (2 > √2).
    let report = json_of(FULL);
    assert_eq!(report["leader"], serde_json::json!(["H3"]));
    assert_eq!(report["critical"], serde_json::json!(["E2"]));
    assert_close(&report["margin"], SQRT_2, "margin");
    assert_eq!(
        report["fragile"],
        serde_json::json!([
            {"evidence": "E2", "hypothesis": "H2", "from": "I", "to": "N", "leader": ["H2"]},
            {"evidence": "E3", "hypothesis": "H3", "from": "N", "to": "I", "leader": ["H2"]}
        ])
    );
}

#[test]
fn scores_within_a_billionth_tie_and_consistency_then_file_order_decide() {
    // H1's weighted inconsistency is √2 × 1/√2 = 1.0000000000000002, H2's
    // and H3's exactly 1. Within 1e-9 they tie: H3 leads on consistency,
    // then H1 before H2 by file order. Comparing raw floats would put H2
    // ahead of H1.
    let report = json_of("tests/fixtures/valid/tie-within-tolerance.toml");
    let order: Vec<&str> = report["hypotheses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["H3", "H1", "H2"]);
    let h1 = &report["hypotheses"][1];
    assert_ne!(h1["weighted_inconsistency"].as_f64(), Some(1.0));
    assert_close(&h1["weighted_inconsistency"], 1.0, "H1");
}

#[test]
fn an_empty_matrix_scores_to_empty_lists() {
    let report = json_of("tests/fixtures/valid/minimal.toml");
    assert_eq!(
        report,
        serde_json::json!({
            "title": "An analysis not yet started",
            "hypotheses": [],
            "evidence": [],
            "leader": [],
            "critical": [],
            "fragile": [],
            "margin": null,
            "coherence": { "judged_sum": null, "coherent": null }
        })
    );
}

#[test]
fn every_sample_scores_with_ranks_one_to_n() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut samples = 0;
    for entry in std::fs::read_dir(root.join("hypotheses")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        samples += 1;
        let path = path.to_str().unwrap();
        let report = json_of(path);
        let ranks: Vec<u64> = report["hypotheses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["rank"].as_u64().unwrap())
            .collect();
        assert_eq!(
            ranks,
            (1..=ranks.len() as u64).collect::<Vec<_>>(),
            "{path}"
        );
        assert!(!report["evidence"].as_array().unwrap().is_empty(), "{path}");
        // The table prints too.
        assert!(stdout_of(&["score", path]).contains("Hypotheses, least inconsistent first"));
    }
    assert!(samples > 0, "no sample matrices in hypotheses/");
}

#[test]
fn invalid_matrices_are_not_scored() {
    for (args, stderr) in [
        (
            vec!["score", "tests/fixtures/invalid/unknown-rating-word.toml"],
            "tests/fixtures/invalid/unknown-rating-word.toml:15:28: unknown rating `IC` (expected CC, C, N, NA, I or II)\n",
        ),
        (
            vec!["score", "tests/fixtures/invalid/non-utf8.toml", "--json"],
            "tests/fixtures/invalid/non-utf8.toml:2:13: the file is not UTF-8 text (invalid byte 0xE9)\n",
        ),
    ] {
        let output = ach().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(String::from_utf8(output.stderr).unwrap(), stderr);
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn json_carries_priors_posteriors_and_judged_probabilities() {
    let report = json_of("tests/fixtures/valid/warning-probabilities.toml");
    // Priors 0.5 and 0.6 normalised; E1 (weight 1) is II (λ 0.2, the
    // file's own) for H1 and CC (λ 3.0) for H2.
    let h1_odds = (0.5 / 1.1) * 0.2;
    let h2_odds = (0.6 / 1.1) * 3.0;
    let by_id = |id: &str| {
        report["hypotheses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == id)
            .unwrap()
            .clone()
    };
    let (h1, h2) = (by_id("H1"), by_id("H2"));
    assert_close(&h1["prior"], 0.5 / 1.1, "H1 prior");
    assert_close(&h2["prior"], 0.6 / 1.1, "H2 prior");
    assert_close(
        &h1["posterior"],
        h1_odds / (h1_odds + h2_odds),
        "H1 posterior",
    );
    assert_close(
        &h2["posterior"],
        h2_odds / (h1_odds + h2_odds),
        "H2 posterior",
    );
    assert_close(&h1["judged"], 0.9, "H1 judged");
    assert_close(&h2["judged"], 0.3, "H2 judged");
    assert_close(&report["coherence"]["judged_sum"], 1.2, "judged sum");
    assert_eq!(report["coherence"]["coherent"], false);
}

#[test]
fn without_judged_probabilities_they_are_null() {
    let report = json_of(FULL);
    for hypothesis in report["hypotheses"].as_array().unwrap() {
        assert_eq!(hypothesis["judged"], Value::Null);
        assert_close(&hypothesis["prior"], 1.0 / 3.0, "prior");
    }
    assert_eq!(report["coherence"]["coherent"], Value::Null);
}
