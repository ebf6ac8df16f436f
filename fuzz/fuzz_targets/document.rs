//! Arbitrary bytes as a source document (the first byte is a row width):
//! loading, paragraphs, wrapping, drawing, sentences and search.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ach_workbench_fuzz::check_document_input(data);
});
