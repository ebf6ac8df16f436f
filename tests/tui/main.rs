//! The workbench driven through its messages and drawn into a test
//! terminal: state tests, screen snapshots and random key sequences.

mod fields;
mod keys;
mod probability;
mod safety;
mod screens;
mod state;
mod support;
