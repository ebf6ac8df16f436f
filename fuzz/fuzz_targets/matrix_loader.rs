//! Arbitrary bytes as a matrix file: the loader must refuse them with
//! diagnostics inside the file, or load a matrix the writer round-trips.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ach_workbench_fuzz::check_matrix_loader(data);
});
