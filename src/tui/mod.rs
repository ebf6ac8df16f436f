//! The interactive workbench: a thin layer of state, update and view over
//! the domain modules.
//!
//! Keys become [`action::Action`]s through the [`keymap`] table;
//! [`update::update`] applies messages to the [`state::State`] and returns
//! [`msg::Effect`]s that [`app`] carries out; [`view::draw`] only reads.

pub mod action;
pub mod app;
pub mod document_reader;
pub mod effects;
pub mod forms;
pub mod health_text;
pub mod help_text;
pub mod input;
pub mod keymap;
pub mod keymap_config;
pub mod layout;
pub mod library_scanner;
pub mod msg;
pub mod questions;
pub mod recovery_writer;
pub mod settings;
pub mod state;
pub mod update;
pub mod view;

pub use app::{Startup, run};
