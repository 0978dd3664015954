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
    match commands::run(cli.command) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
