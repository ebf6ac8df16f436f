//! The `ach` binary: parses arguments and hands over to the library.

fn main() -> std::process::ExitCode {
    ach_workbench::cli::main()
}
