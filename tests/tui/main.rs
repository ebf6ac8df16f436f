//! The workbench driven through its messages and drawn into a test
//! terminal: state tests, screen snapshots and random key sequences.

mod conflicts;
mod defects;
mod export_menu;
mod fields;
mod grading;
mod health;
mod hostile;
mod import;
mod judgement;
mod keys;
mod library_refresh;
mod lines;
mod passages;
mod probability;
mod reading;
mod safety;
mod screens;
mod sensitivity;
mod state;
mod support;
mod team;
