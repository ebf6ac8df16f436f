//! `L`, `A`, `D`: what the ranking would be without the low-credibility
//! items, the assumptions, or the items of one source document, shown in
//! a popup beside the actual ranking (the same keys switch inside it).

use crate::scoring::Scenario;
use crate::tui::action::WhatIf;
use crate::tui::state::{MatrixRow, Notice, Popup, ScenarioView, State};

/// Opens (or, inside the popup, switches to) the scenario `what`.
pub fn show(state: &mut State, what: WhatIf) {
    let Some(open) = state.matrix.as_ref() else {
        return;
    };
    let scenario = match what {
        WhatIf::LowCredibility => Scenario::WithoutLowCredibility,
        WhatIf::Assumptions => Scenario::WithoutAssumptions,
        WhatIf::CurrentDocument => {
            let document = match open.row {
                MatrixRow::Evidence(index) => open.matrix.evidence()[index]
                    .source
                    .as_ref()
                    .map(|passage| passage.document.clone()),
                _ => None,
            };
            let Some(document) = document else {
                state.notify(Notice::info(
                    "Move to an evidence item taken from a document: D leaves out that document's items",
                ));
                return;
            };
            Scenario::WithoutDocument(document)
        }
    };
    let scores = scenario.score(&open.matrix);
    let actual = open.scores.scores();
    let left_out = (0..open.matrix.evidence().len())
        .filter(|&row| actual.counts(row) && !scores.counts(row))
        .count();
    let view = Box::new(ScenarioView {
        scenario,
        scores,
        left_out,
    });
    match state.popups.last_mut() {
        Some(Popup::Scenario(shown)) => *shown = view,
        _ => state.popups.push(Popup::Scenario(view)),
    }
}
