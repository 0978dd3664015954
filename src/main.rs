//! The `zongjie` command: parses arguments and calls the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use zongjie::check::{self, Purpose};
use zongjie::diff;
use zongjie::docx;
use zongjie::error::Error;
use zongjie::import;
use zongjie::init::{self, Starter};
use zongjie::lint;
use zongjie::merge;
use zongjie::model::Kind;
use zongjie::output::{self, Destination};
use zongjie::platform::{self, Start};
use zongjie::render::{self, Format};
use zongjie::rollover;
use zongjie::templates;

/// zongjie（总结）：用一个 YAML 数据文件写出机关单位的年度工作总结和法治政府建设年度报告。
/// Writes the annual reports of Chinese government bureaus from a YAML data file.
#[derive(Parser)]
#[command(name = "zongjie", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 生成带注释的起始数据文件 (write a commented starter data file)
    Init(InitArgs),
    /// 检查数据文件，列出全部问题，不写任何文件 (check data files)
    Check {
        /// 数据文件 (data files)
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 由数据文件生成报告 (render a report)
    Render(RenderArgs),
    /// 按公文规范检查文字：标点、配对、空格、数字、序号、年份 (lint Chinese official text)
    Lint {
        /// 数据文件、.txt、.md 或 .docx 报告 (data files or reports)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 自动修正不改变原意的问题，原文件另存为 .bak (apply the safe fixes, keeping a backup)
        #[arg(long)]
        fix: bool,
        /// 输出格式 (output format)
        #[arg(long, value_enum, default_value = "human")]
        format: LintFormatArg,
    },
    /// 由今年的数据文件生成明年的起始文件，原文件不变 (start next year's file from this year's)
    Rollover {
        /// 今年的数据文件 (this year's data file)
        file: PathBuf,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// 写出本程序的参考 Word 文件，供 pandoc --reference-doc 或在 Word 中修改样式 (write our reference .docx)
    ReferenceDocx {
        #[command(flatten)]
        out: OutputArgs,
    },
    /// 由已有的报告（.txt、.md、.docx）生成数据文件 (import an existing report into a data file)
    Import {
        /// 报告文件；编码与格式自动识别 (the report; format and encoding are detected)
        report: PathBuf,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// 把几个单位的数据文件合并为一个，数字按名称相加 (sum several offices' files into one)
    Merge {
        /// 数据文件；第一个提供结构和文字 (data files; the first gives structure and prose)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 合并后的单位名称，如“某某市司法局” (the merged file's bureau)
        #[arg(long)]
        bureau: Option<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// 对照两年数据文件中的全部数字及其增减 (compare two years' figures)
    Diff {
        /// 上一年的数据文件 (last year's data file)
        old: PathBuf,
        /// 今年的数据文件 (this year's data file)
        new: PathBuf,
        /// 输出格式 (output format)
        #[arg(short, long, value_enum, default_value = "md")]
        format: DiffFormatArg,
    },
    /// 列出内置模板，或导出到目录作为自定义模板的起点 (list or eject the built-in templates)
    Templates {
        /// 把内置模板写到这个目录 (write the built-in templates into DIR)
        #[arg(long, value_name = "DIR")]
        eject: Option<PathBuf>,
        /// 覆盖目录中已存在的同名文件 (overwrite existing files)
        #[arg(long)]
        force: bool,
    },
}

/// Where a command writes its result.
#[derive(Args)]
struct OutputArgs {
    /// 输出文件；不写或写 - 则输出到屏幕 (output file, - for stdout)
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 覆盖已存在的输出文件 (overwrite an existing output file)
    #[arg(long)]
    force: bool,
}

impl OutputArgs {
    fn destination(&self) -> Destination {
        Destination::from_arg(self.output.as_deref())
    }

    fn write(&self, bytes: &[u8]) -> Result<(), Error> {
        output::write(&self.destination(), bytes, self.force)
    }
}

#[derive(Args)]
struct InitArgs {
    /// 报告类型 (kind of report)
    #[arg(long, value_enum, default_value = "work-summary")]
    kind: KindArg,
    /// 单位全称 (the bureau's full name)
    #[arg(long, default_value = "某某市司法局")]
    bureau: String,
    /// 年度；默认为最近一个需要总结的年份 (report year)
    #[arg(long)]
    year: Option<i32>,
    /// 以印发通知的形式发出 (sent out with a covering circular)
    #[arg(long)]
    circular: bool,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(Args)]
struct RenderArgs {
    /// 数据文件 (data file)
    file: PathBuf,
    /// 模板名称；默认按数据文件的类型 (template name)
    #[arg(long)]
    template: Option<String>,
    /// 自定义模板目录，同名模板优先 (directory of custom templates)
    #[arg(long)]
    templates: Option<PathBuf>,
    /// 输出格式；不写时按 -o 的扩展名（.docx、.txt、.md），否则为 md (output format)
    #[arg(short, long, value_enum)]
    format: Option<FormatArg>,
    /// 取用这个 Word 文件的样式、页面设置和页脚（仅用于 docx）(a bureau's own .docx to take the look from)
    #[arg(long, value_name = "FILE")]
    reference_doc: Option<PathBuf>,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    /// 年度工作总结
    #[value(name = "work-summary", alias = "工作总结")]
    WorkSummary,
    /// 法治政府建设年度报告
    #[value(name = "rule-of-law-report", alias = "法治政府建设年度报告")]
    RuleOfLaw,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormatArg {
    /// Markdown 表格 (a Markdown table)
    Md,
    /// CSV，可用表格软件打开 (for spreadsheets)
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum LintFormatArg {
    /// 按文件分组的说明 (grouped by file, for people)
    Human,
    /// JSON，供程序读取 (for programs)
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// docx-ready Markdown
    Md,
    /// 纯文本，段首空两格 (plain text)
    Txt,
    /// Word 文件，GB/T 9704 版式 (Word document in the official layout)
    Docx,
}

fn main() -> ExitCode {
    if std::env::args_os().len() == 1 && platform::how_started() == Start::OwnWindow {
        return double_clicked();
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    match run(cli.command) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(error.exit_code() as u8)
        }
    }
}

/// Started with no arguments in a window of its own (a double-click): a
/// usage error would close the window before it is read, so show the help
/// and wait for a key.
fn double_clicked() -> ExitCode {
    println!("{}", platform::own_window_intro());
    println!("{}", Cli::command().render_help());
    platform::wait_for_key();
    ExitCode::SUCCESS
}

/// clap's own messages are English; say in Chinese what went wrong first.
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let kind = error.kind();
    if matches!(kind, ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let summary = match kind {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "参数的值不对",
        ErrorKind::UnknownArgument => "没有这个参数",
        ErrorKind::InvalidSubcommand => "没有这个子命令",
        ErrorKind::MissingRequiredArgument => "缺少必需的参数",
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "请给出子命令"
        }
        _ => "命令行用法不对",
    };
    eprintln!("用法错误：{summary}（运行 zongjie --help 查看用法）\n{error}");
    ExitCode::from(2)
}

fn run(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Init(args) => init_file(&args),
        Command::Check { files } => check_files(&files),
        Command::Render(args) => render_file(&args),
        Command::ReferenceDocx { out } => reference_docx(&out),
        Command::Lint { files, fix, format } => lint_files(&files, fix, format),
        Command::Merge { files, bureau, out } => merge_files(&files, bureau.as_deref(), &out),
        Command::Import { report, out } => import_report(&report, &out),
        Command::Diff { old, new, format } => diff_files(&old, &new, format),
        Command::Rollover { file, out } => {
            out.write(rollover::rollover(&display(&file), &read(&file)?)?.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates { eject, force } => list_or_eject_templates(eject.as_deref(), force),
    }
}

fn init_file(args: &InitArgs) -> Result<ExitCode, Error> {
    let starter = Starter {
        kind: args.kind.into(),
        bureau: args.bureau.clone(),
        year: args
            .year
            .unwrap_or_else(|| init::default_year(chrono::Local::now().date_naive())),
        circular: args.circular,
    };
    args.out.write(init::starter_file(&starter).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn render_file(args: &RenderArgs) -> Result<ExitCode, Error> {
    let destination = args.out.destination();
    let format = output_format(args.format, &destination);
    if format == Format::Docx {
        refuse_binary_on_terminal(&destination)?;
    } else if args.reference_doc.is_some() {
        return Err(Error::Usage(
            "--reference-doc 只用于 .docx 输出（--format docx，或 -o 文件名.docx）".into(),
        ));
    }
    let source = read(&args.file)?;
    let reference = args
        .reference_doc
        .as_deref()
        .map(read_reference)
        .transpose()?;
    let options = render::Options {
        template: args.template.as_deref(),
        templates_dir: args.templates.as_deref(),
        reference_doc: reference.as_ref(),
    };
    let bytes = render::render(&display(&args.file), &source, format, &options)?;
    args.out.write(&bytes)?;
    Ok(ExitCode::SUCCESS)
}

fn reference_docx(out: &OutputArgs) -> Result<ExitCode, Error> {
    refuse_binary_on_terminal(&out.destination())?;
    out.write(&docx::reference_docx().map_err(Error::DocxWrite)?)?;
    Ok(ExitCode::SUCCESS)
}

fn merge_files(
    files: &[PathBuf],
    bureau: Option<&str>,
    out: &OutputArgs,
) -> Result<ExitCode, Error> {
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|f| Ok((display(f), read(f)?)))
        .collect::<Result<_, Error>>()?;
    let inputs: Vec<merge::Input> = sources
        .iter()
        .map(|(path, source)| merge::Input { path, source })
        .collect();
    let merged = merge::merge(&inputs, bureau)?;
    warn(&merged.warnings);
    out.write(merged.data_file.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn import_report(report: &Path, out: &OutputArgs) -> Result<ExitCode, Error> {
    let bytes = std::fs::read(report).map_err(|source| Error::Read {
        path: report.to_path_buf(),
        source,
    })?;
    let imported = import::import(&display(report), &bytes)?;
    warn(&imported.warnings);
    out.write(imported.data_file.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn diff_files(old: &Path, new: &Path, format: DiffFormatArg) -> Result<ExitCode, Error> {
    let (old_source, new_source) = (read(old)?, read(new)?);
    let (old_year, new_year, rows) =
        diff::compare(&display(old), &old_source, &display(new), &new_source)?;
    let format = match format {
        DiffFormatArg::Md => diff::Format::Markdown,
        DiffFormatArg::Csv => diff::Format::Csv,
    };
    print!("{}", diff::write(old_year, new_year, &rows, format));
    Ok(ExitCode::SUCCESS)
}

fn list_or_eject_templates(eject: Option<&Path>, force: bool) -> Result<ExitCode, Error> {
    match eject {
        Some(dir) => {
            for path in templates::eject(dir, force)? {
                println!("已写出 {}", path.display());
            }
        }
        None => {
            for (name, _) in templates::BUILTIN {
                println!("{}", name.trim_end_matches(".md"));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check_files(files: &[PathBuf]) -> Result<ExitCode, Error> {
    let mut failed = false;
    let stderr = &mut std::io::stderr().lock();
    for file in files {
        let source = read(file)?;
        let checked = check::check(&display(file), &source, Purpose::Review);
        let diagnostics = &checked.diagnostics;
        let _ = write!(stderr, "{diagnostics}");
        let _ = writeln!(stderr, "{}", diagnostics.summary());
        failed |= diagnostics.has_errors();
    }
    Ok(exit_code(failed))
}

fn lint_files(files: &[PathBuf], fix: bool, format: LintFormatArg) -> Result<ExitCode, Error> {
    let mut results = Vec::new();
    for file in files {
        let linted = lint::lint_file(file)?;
        if fix && linted.by_paragraph {
            return Err(Error::Usage(format!(
                "--fix 不修改 .docx（{}）：请修改数据文件后重新生成，或在 Word 中修改",
                file.display()
            )));
        }
        match (&linted.fixed, fix) {
            (Some(fixed), true) => {
                let backup = lint::write_fixed(file, fixed)?;
                eprintln!(
                    "已修正 {}，原文件保存为 {}",
                    file.display(),
                    backup.display()
                );
                results.push(lint::lint_source(&display(file), fixed)?);
            }
            _ => results.push(linted),
        }
    }
    match format {
        LintFormatArg::Human => print_lint_results(&results),
        LintFormatArg::Json => println!("{}", lint::to_json(&results)),
    }
    Ok(exit_code(results.iter().any(|r| r.report.has_errors())))
}

fn print_lint_results(results: &[lint::Linted]) {
    let stderr = &mut std::io::stderr().lock();
    for result in results {
        let _ = write!(stderr, "{}", result.report);
        let _ = writeln!(stderr, "{}", result.report.summary());
        if result.by_paragraph && !result.report.diagnostics.is_empty() {
            let _ = writeln!(stderr, "（.docx 的位置写作“文件:段:字”，即第几段第几个字）");
        }
    }
}

fn warn(warnings: &[String]) {
    for warning in warnings {
        eprintln!("警告：{warning}");
    }
}

fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The format asked for, or the one the output file's extension names.
fn output_format(format: Option<FormatArg>, destination: &Destination) -> Format {
    let extension = match destination {
        Destination::File(path) => path.extension().and_then(|e| e.to_str()),
        Destination::Stdout => None,
    };
    match (format, extension.map(str::to_ascii_lowercase).as_deref()) {
        (Some(FormatArg::Md), _) => Format::Markdown,
        (Some(FormatArg::Txt), _) | (None, Some("txt")) => Format::Text,
        (Some(FormatArg::Docx), _) | (None, Some("docx")) => Format::Docx,
        (None, _) => Format::Markdown,
    }
}

/// A .docx on a terminal is garbage on the screen; piped, it is fine.
fn refuse_binary_on_terminal(destination: &Destination) -> Result<(), Error> {
    if *destination == Destination::Stdout && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "不能把 .docx 输出到屏幕；请用 -o 文件名.docx 指定输出文件，或重定向到文件".into(),
        ));
    }
    Ok(())
}

fn read_reference(path: &Path) -> Result<docx::Reference, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    docx::Reference::from_bytes(&bytes).map_err(|source| Error::Docx {
        path: path.to_path_buf(),
        source,
    })
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

impl From<KindArg> for Kind {
    fn from(kind: KindArg) -> Kind {
        match kind {
            KindArg::WorkSummary => Kind::WorkSummary,
            KindArg::RuleOfLaw => Kind::RuleOfLaw,
        }
    }
}
