//! Text made safe and measured for a terminal: control characters made
//! visible, display widths of wide and combining characters, truncation.

mod inert;
mod width;
mod words;

pub use inert::{escape_json_controls, inert, one_line};
pub(crate) use inert::{is_unsafe, picture};
pub use width::{display_width, fit_to_width, truncate_to_width, wrap_to_width};
pub use words::{capitalised, counted};
