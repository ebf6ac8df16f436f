//! One field of a form: a line of text, several lines, or a choice among
//! a domain type's values.

use std::borrow::Cow;

use tui_input::Input;

use super::lines::Lines;

/// The value of a field.
#[derive(Debug, Clone)]
pub enum FieldValue {
    Text(Input),
    /// Several lines (notes, a description): Enter starts a new line.
    Lines(Box<Lines>),
    /// The words of a domain type's values, in the order of its `ALL`,
    /// and the position of the chosen one (which reads back the value
    /// itself: see [`Field::chosen`]).
    Choice {
        options: Vec<&'static str>,
        selected: usize,
    },
}

/// A labelled field.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: &'static str,
    pub value: FieldValue,
    /// A short explanation shown when the field has focus.
    pub hint: &'static str,
}

impl Field {
    /// A text field holding `value`, with the cursor at its end.
    pub fn text_input(label: &'static str, value: &str, hint: &'static str) -> Self {
        Field {
            label,
            value: FieldValue::Text(Input::new(value.to_owned())),
            hint,
        }
    }

    /// A field of several lines holding `value`, the cursor at its end.
    pub fn lines(label: &'static str, value: &str, hint: &'static str) -> Self {
        Field {
            label,
            value: FieldValue::Lines(Box::new(Lines::new(value))),
            hint,
        }
    }

    /// A choice among `values` (a domain type's `ALL`), shown by `word`,
    /// with `current` chosen.
    pub fn choice<T: Copy + PartialEq>(
        label: &'static str,
        values: &[T],
        word: fn(T) -> &'static str,
        current: T,
        hint: &'static str,
    ) -> Self {
        Field {
            label,
            value: FieldValue::Choice {
                options: values.iter().map(|&value| word(value)).collect(),
                selected: values.iter().position(|&v| v == current).unwrap_or(0),
            },
            hint,
        }
    }

    /// The value a choice field holds, from the same `values` it was made
    /// with; `None` for a text field.
    pub fn chosen<T: Copy>(&self, values: &[T]) -> Option<T> {
        match &self.value {
            FieldValue::Choice { selected, .. } => values.get(*selected).copied(),
            FieldValue::Text(_) | FieldValue::Lines(_) => None,
        }
    }

    /// The field's current text (a choice's chosen word; the lines of a
    /// field of several lines joined by line breaks).
    pub fn value(&self) -> Cow<'_, str> {
        match &self.value {
            FieldValue::Text(input) => Cow::Borrowed(input.value()),
            FieldValue::Lines(lines) => Cow::Owned(lines.text()),
            FieldValue::Choice { options, selected } => Cow::Borrowed(options[*selected]),
        }
    }

    /// Whether typing goes into this field.
    pub fn is_text(&self) -> bool {
        matches!(self.value, FieldValue::Text(_) | FieldValue::Lines(_))
    }

    /// Whether this field holds several lines (Enter starts a new one).
    pub fn is_lines(&self) -> bool {
        matches!(self.value, FieldValue::Lines(_))
    }

    /// Steps a choice forward or back, wrapping; text fields ignore it.
    pub fn cycle(&mut self, forward: bool) {
        if let FieldValue::Choice { options, selected } = &mut self.value {
            let count = options.len();
            *selected = if forward {
                (*selected + 1) % count
            } else {
                (*selected + count - 1) % count
            };
        }
    }
}
