//! The command line of the `zongjie` binary: its arguments (`args`), clap's
//! words in Chinese (`usage`), and each subcommand calling the library
//! (`commands`). Nothing here knows the genre or the data file; that is the
//! library's.

mod args;
mod commands;
mod usage;

use std::process::ExitCode;

/// Parses the arguments, runs the command, prints what went wrong.
pub fn main() -> ExitCode {
    if std::env::args_os().len() == 1 {
        return double_clicked();
    }
    let cli = match usage::parse() {
        usage::Parsed::Run(cli) => cli,
        usage::Parsed::Stop(text, 0) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        usage::Parsed::Stop(text, code) => {
            eprint!("{text}");
            return ExitCode::from(code);
        }
    };
    finish(commands::run(cli.command))
}

/// What a double-click runs: the workbench on the default folder. In a
/// console window of its own, which closes when the program ends, a
/// failure waits for a key so that it can be read.
fn double_clicked() -> ExitCode {
    let code = finish(commands::serve(&args::ServeArgs::default()));
    if code != ExitCode::SUCCESS && zongjie::how_started() == zongjie::Start::OwnWindow {
        zongjie::wait_for_key();
    }
    code
}

/// The exit code of a command's outcome, printing what went wrong.
fn finish(outcome: Result<ExitCode, zongjie::Error>) -> ExitCode {
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
