//! Where zongjie runs: how it was started (from a terminal, or by a
//! double-click that gave it a console window of its own), waiting for a
//! key before such a window closes, and the default working folder.
//!
//! Given no arguments (what a double-click runs), the binary opens the
//! workbench on [`default_work_dir`]; a clerk who double-clicks
//! `zongjie.exe` gets a console window that closes the moment the program
//! ends, so when the workbench cannot start, the binary asks
//! [`how_started`] and, in a window of its own, waits for a key
//! ([`wait_for_key`]) so the message can be read.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

/// How the process was started, as far as its console or terminal tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// From a shell in a terminal (cmd.exe, PowerShell, bash…): what the
    /// program prints stays on the screen after it ends.
    Terminal,
    /// In a console window of its own that closes when the program ends:
    /// double-clicked in Windows Explorer (the console has no other
    /// process), or run “in a terminal” by a Linux file manager or a
    /// launcher (the program leads its terminal's session).
    OwnWindow,
    /// With no terminal at all: on Windows, no console; elsewhere none of
    /// stdin, stdout and stderr is a terminal. A script or pipeline and a
    /// desktop launch without a terminal (a Linux file manager's “运行”)
    /// look the same from here.
    NoTerminal,
}

/// How this process was started; see [`Start`].
pub fn how_started() -> Start {
    imp::how_started()
}

/// After a start in a window of its own ([`Start::OwnWindow`]): asks for a
/// key (on stderr) and waits for it, so the window does not close before
/// the clerk has read it. On Windows any key will do; elsewhere Enter (the
/// terminal delivers a line at a time). Returns at once when stdin is
/// closed or redirected to an empty file.
pub fn wait_for_key() {
    let mut stderr = std::io::stderr();
    let _ = write!(stderr, "{}", imp::PROMPT);
    let _ = stderr.flush();
    imp::wait_for_key();
    let _ = writeln!(stderr);
}

/// The folder zongjie suggests for a clerk's data files and reports:
/// `zongjie` in the user's Documents folder (on Windows the shell's, shown
/// as 文档 in a Chinese Windows, wherever it has been moved to; `$XDG_DOCUMENTS_DIR` or
/// the desktop's `user-dirs.dirs` on Linux, else `~/文档` when it exists,
/// else `~/Documents`). `None` when the user has no home folder. The folder
/// is not created here.
pub fn default_work_dir() -> Option<PathBuf> {
    let documents = if cfg!(windows) {
        dirs::document_dir()
    } else {
        documents_dir(
            std::env::var_os("XDG_DOCUMENTS_DIR"),
            dirs::document_dir(),
            dirs::home_dir(),
        )
    };
    documents.map(|folder| folder.join("zongjie"))
}

/// The Documents folder on a free desktop, from what the environment gives:
/// the `XDG_DOCUMENTS_DIR` variable (only if absolute), the folder read from
/// `user-dirs.dirs`, then the home folder's `文档` (统信UOS and 麒麟 name it
/// so) if it exists, else its `Documents`.
fn documents_dir(
    variable: Option<OsString>,
    user_dirs: Option<PathBuf>,
    home: Option<PathBuf>,
) -> Option<PathBuf> {
    if let Some(folder) = variable.map(PathBuf::from).filter(|f| f.is_absolute()) {
        return Some(folder);
    }
    if let Some(folder) = user_dirs {
        return Some(folder);
    }
    let home = home?;
    let chinese = home.join("文档");
    Some(if chinese.is_dir() {
        chinese
    } else {
        home.join("Documents")
    })
}

#[cfg(windows)]
mod imp {
    use super::Start;
    use std::io::IsTerminal;

    pub const PROMPT: &str = "按任意键关闭本窗口…… (press any key to close this window) ";

    // One function each from kernel32 and msvcrt, which every Rust program
    // for this target links already: two declarations rather than the
    // windows-sys crate, whose version would then have to follow the one
    // clap and tempfile pull in.
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
    }
    unsafe extern "C" {
        fn _getch() -> i32;
    }

    pub fn how_started() -> Start {
        let mut list = [0u32; 2];
        // SAFETY: the buffer holds the two ids we say it holds; the call
        // writes at most that many and returns how many processes share
        // the console (0 when there is none).
        let count = unsafe { GetConsoleProcessList(list.as_mut_ptr(), list.len() as u32) };
        match count {
            0 => Start::NoTerminal,
            1 => Start::OwnWindow,
            _ => Start::Terminal,
        }
    }

    pub fn wait_for_key() {
        if std::io::stdin().is_terminal() {
            // SAFETY: _getch takes nothing and only reads a key from the
            // console, which is there (stdin is it).
            unsafe { _getch() };
        } else {
            super::read_line();
        }
    }
}

#[cfg(unix)]
mod imp {
    use super::Start;
    use std::io::IsTerminal;

    pub const PROMPT: &str = "按回车键关闭本窗口…… (press Enter to close this window) ";

    // glibc and musl both have it; pid_t is i32 on every Linux.
    unsafe extern "C" {
        fn getsid(pid: i32) -> i32;
    }

    pub fn how_started() -> Start {
        let stdin = std::io::stdin().is_terminal();
        if !stdin && !std::io::stdout().is_terminal() && !std::io::stderr().is_terminal() {
            return Start::NoTerminal;
        }
        // SAFETY: getsid has no preconditions; 0 asks about this process.
        let session = unsafe { getsid(0) };
        // A shell leads the session of the terminal it runs in; a program
        // that leads it was started in that terminal directly (a file
        // manager's “在终端中运行”, a launcher's Terminal=true), and the
        // terminal closes with it.
        if stdin && u32::try_from(session).is_ok_and(|s| s == std::process::id()) {
            Start::OwnWindow
        } else {
            Start::Terminal
        }
    }

    pub fn wait_for_key() {
        super::read_line();
    }
}

#[cfg(not(any(windows, unix)))]
mod imp {
    use super::Start;

    pub const PROMPT: &str = "按回车键退出…… (press Enter) ";

    pub fn how_started() -> Start {
        Start::Terminal
    }

    pub fn wait_for_key() {
        super::read_line();
    }
}

fn read_line() {
    let _ = std::io::stdin().read_line(&mut String::new());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_wins_when_absolute() {
        let found = documents_dir(
            Some("/srv/文档".into()),
            Some("/home/u/Docs".into()),
            Some("/home/u".into()),
        );
        assert_eq!(found, Some(PathBuf::from("/srv/文档")));
        let found = documents_dir(Some("相对".into()), None, Some("/nowhere".into()));
        assert_eq!(found, Some(PathBuf::from("/nowhere/Documents")));
    }

    #[test]
    fn user_dirs_then_chinese_then_english() {
        let home = tempfile::tempdir().expect("a temporary folder");
        let home = home.path().to_path_buf();
        let user_dirs = home.join("我的文档");
        assert_eq!(
            documents_dir(None, Some(user_dirs.clone()), Some(home.clone())),
            Some(user_dirs)
        );
        assert_eq!(
            documents_dir(None, None, Some(home.clone())),
            Some(home.join("Documents"))
        );
        std::fs::create_dir(home.join("文档")).expect("文档 created");
        assert_eq!(
            documents_dir(None, None, Some(home.clone())),
            Some(home.join("文档"))
        );
        assert_eq!(documents_dir(None, None, None), None);
    }
}
