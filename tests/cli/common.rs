//! Helpers shared by the integration tests: the binary, the examples and
//! scratch directories.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `zongjie` binary under test, run from the repository root.
pub fn zongjie() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("zongjie");
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Every example data file, by file stem.
pub fn examples() -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("examples directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .map(|path| {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                path,
            )
        })
        .collect();
    found.sort();
    found
}

/// The path of one example.
pub fn example(stem: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("{stem}.yaml"))
}

/// A head that makes a valid data file with whatever follows it.
pub const HEAD: &str = "单位: 长治市司法局\n年度: 2022\n类型: 工作总结\n";

/// Writes `text` to `name` in a fresh temporary directory.
pub fn scratch_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write scratch file");
    (dir, path)
}

/// The standard output of a successful run, as text.
pub fn stdout_of(command: &mut Command) -> String {
    let output = command.output().expect("run zongjie");
    assert!(
        output.status.success(),
        "zongjie failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The seed reports' directory from `ZONGJIE_SEEDS`, which `.ci/run` sets.
/// Unset: `None`, with a note that the test is skipped. Set but without
/// the five seeds: a failure, since CI would otherwise pass vacuously.
pub fn seeds_dir() -> Option<PathBuf> {
    let Some(dir) = std::env::var_os("ZONGJIE_SEEDS") else {
        eprintln!("note: ZONGJIE_SEEDS is not set; skipping the tests that read the seed reports");
        return None;
    };
    let dir = PathBuf::from(dir);
    for number in 0..5 {
        seed_path(&dir, number);
    }
    Some(dir)
}

/// The path of seed `number` (000_….txt) in `dir`; panics if it is missing.
pub fn seed_path(dir: &Path, number: usize) -> PathBuf {
    let prefix = format!("{number:03}_");
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("ZONGJIE_SEEDS={} cannot be read: {e}", dir.display()))
        .map(|entry| entry.expect("entry").path())
        .find(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with(&prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix}*.txt missing from {}", dir.display()))
}
