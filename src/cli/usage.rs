//! clap's own words in Chinese: the help's headings and placeholders, and
//! the usage errors (an unknown argument, a missing value…), each said once
//! in Chinese with clap's English in brackets.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use super::args::Cli;

/// The help layout for the command and each subcommand.
const HELP_TEMPLATE: &str = "{about-with-newline}\n用法 (Usage): {usage}\n\n{all-args}{after-help}";

/// What the command line asked for: the parsed arguments, or what to print
/// and the exit code (help, version, or a usage error).
pub enum Parsed {
    /// Arguments to run.
    Run(Cli),
    /// Text to print (to stdout when the code is 0) and the exit code.
    Stop(String, u8),
}

/// Parses the process's arguments.
pub fn parse() -> Parsed {
    parse_from(std::env::args_os())
}

/// Parses `args` (the program name first).
pub fn parse_from<I, T>(args: I) -> Parsed
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let command = localized(Cli::command());
    let matches = command.try_get_matches_from(args);
    match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => Parsed::Run(cli),
        Err(error) => match error.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                Parsed::Stop(localize_help(&error.render().to_string()), 0)
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
                let help = localized(Cli::command()).render_help().to_string();
                Parsed::Stop(localize_help(&help), 2)
            }
            _ => Parsed::Stop(usage_error(&error), 2),
        },
    }
}

/// The command with Chinese headings, for itself and every subcommand.
fn localized(command: clap::Command) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut command = command
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("子命令 (Commands)")
        .subcommand_value_name("子命令");
    for name in names {
        command = command.mut_subcommand(name, |sub| sub.help_template(HELP_TEMPLATE));
    }
    command
}

/// clap's remaining English in a rendered help: section headings and the
/// notes it adds to options.
fn localize_help(help: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("Arguments:", "参数 (Arguments):"),
        ("Options:", "选项 (Options):"),
        ("Commands:", "子命令 (Commands):"),
        ("[OPTIONS]", "[选项]"),
        ("[default: ", "[默认: "),
        ("[possible values: ", "[可选: "),
        ("[aliases: ", "[别名: "),
        ("Possible values:", "可选的值 (Possible values):"),
    ];
    WORDS
        .iter()
        .fold(help.to_string(), |text, (english, chinese)| {
            text.replace(english, chinese)
        })
}

/// A usage error in Chinese, clap's English in brackets, said once.
fn usage_error(error: &clap::Error) -> String {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(s)) => s
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let argument = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let suggestion = match context(ContextKind::SuggestedArg) {
        s if !s.is_empty() => format!("；是不是“{s}”？"),
        _ => match context(ContextKind::SuggestedSubcommand) {
            s if !s.is_empty() => format!("；是不是“{s}”？"),
            _ => String::new(),
        },
    };
    let message = match error.kind() {
        ErrorKind::UnknownArgument => format!("没有这个参数“{argument}”{suggestion}"),
        ErrorKind::InvalidSubcommand => {
            let name = context(ContextKind::InvalidSubcommand);
            format!("没有这个子命令“{name}”{suggestion}")
        }
        ErrorKind::InvalidValue => {
            let valid = context(ContextKind::ValidValue);
            let valid = if valid.is_empty() {
                String::new()
            } else {
                format!("；可以是：{valid}")
            };
            format!("参数 {argument} 的值“{value}”不对{valid}")
        }
        ErrorKind::ValueValidation => format!("参数 {argument} 的值“{value}”不对"),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{argument}"),
        ErrorKind::ArgumentConflict => {
            let other = context(ContextKind::PriorArg);
            format!("参数 {argument} 和 {other} 不能同时使用")
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数 {argument} 的值太多或太少")
        }
        ErrorKind::NoEquals => format!("参数 {argument} 要写成 {argument}=值"),
        _ => "命令行的写法不对".to_string(),
    };
    let english = error
        .kind()
        .as_str()
        .map_or_else(|| "invalid command line".to_string(), str::to_string);
    format!(
        "用法错误：{message}（{english}）\n运行 zongjie --help 或 zongjie 子命令 --help 查看用法\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(args: &[&str]) -> (String, u8) {
        match parse_from(std::iter::once("zongjie").chain(args.iter().copied())) {
            Parsed::Stop(text, code) => (text, code),
            Parsed::Run(_) => panic!("{args:?} parsed"),
        }
    }

    #[test]
    fn help_is_in_chinese_with_the_english_in_brackets() {
        let (help, code) = stop(&["render", "--help"]);
        assert_eq!(code, 0);
        assert!(
            help.contains("用法 (Usage): zongjie render [选项] <数据文件>..."),
            "{help}"
        );
        assert!(help.contains("选项 (Options):"), "{help}");
        assert!(help.contains("显示帮助 (print help)"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
    }

    #[test]
    fn usage_errors_are_said_once_in_chinese() {
        let (message, code) = stop(&["render", "--frmat", "md", "a.yaml"]);
        assert_eq!(code, 2);
        assert!(
            message.starts_with("用法错误：没有这个参数“--frmat”；是不是“--format”？（"),
            "{message}"
        );
        assert_eq!(message.matches("--frmat").count(), 1, "{message}");
        let (message, _) = stop(&["render", "a.yaml", "--format", "pdf"]);
        assert!(
            message.contains("的值“pdf”不对；可以是：md、txt、docx"),
            "{message}"
        );
        let (message, _) = stop(&["rendr"]);
        assert!(
            message.contains("没有这个子命令“rendr”；是不是“render”？"),
            "{message}"
        );
        let (message, _) = stop(&["check"]);
        assert!(message.contains("缺少必需的参数"), "{message}");
    }
}
