//! `init`: a starter data file for a bureau, year and kind of report, with
//! every key explained, that `check` accepts (warning about the samples
//! still to replace) and `render` turns into a skeleton of the report.

use crate::datafile::starter::{Starter, starter_report};
use crate::datafile::write::{self, NoNotes};

/// The starter data file's text.
pub fn starter_file(starter: &Starter) -> String {
    write::data_file(&starter_report(starter), &NoNotes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostic::Severity;
    use crate::check::{Purpose, check};
    use crate::genre::kinds::Kind;

    #[test]
    fn starters_check_without_errors_and_name_their_samples() {
        for kind in [Kind::WorkSummary, Kind::RuleOfLaw] {
            for circular in [false, true] {
                let file = starter_file(&Starter {
                    kind,
                    bureau: "某某县司法局".to_string(),
                    year: 2026,
                    circular,
                });
                let checked = check("starter.yaml", &file, Purpose::Review);
                let diagnostics = &checked.diagnostics.diagnostics;
                assert!(
                    diagnostics.iter().all(|d| d.severity == Severity::Warning),
                    "{}\n{file}",
                    checked.diagnostics
                );
                assert!(
                    diagnostics.iter().any(|d| d.message.contains("示例")),
                    "{}",
                    checked.diagnostics
                );
                let report = checked.report.unwrap();
                assert_eq!(report.kind, kind);
                assert_eq!(report.bureau.scope, "全县");
                assert_eq!(report.circular.is_some(), circular);
            }
        }
    }
}
