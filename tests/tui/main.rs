//! The workbench driven through its messages and drawn into a test
//! terminal: state tests, screen snapshots and random key sequences.

mod defects;
mod fields;
mod keys;
mod safety;
mod screens;
mod state;
mod support;
