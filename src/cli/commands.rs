//! Each subcommand: read what it was given, call the library, write the
//! result safely, print what the clerk should know, and say the exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zongjie::{
    Destination, Diagnostics, DocxReference, Error, Linted, MergeInput, MergeOptions, OutputFormat,
    Purpose, RenderOptions, Renderer, Starter, TextEncoding,
};

use super::args::{
    Command, FormatArg, InitArgs, LintArgs, LintFormatArg, MergeArgs, OutputArgs, RenderArgs,
    ServeArgs,
};

/// Runs `command`.
pub fn run(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Init(args) => init_file(&args),
        Command::Check { files } => Ok(check_files(&files)),
        Command::Render(args) => render_files(&args),
        Command::ReferenceDocx { out } => reference_docx(&out),
        Command::Lint(args) => lint_files(&args),
        Command::Merge(args) => merge_files(&args),
        Command::Import { report, out } => import_report(&report, &out),
        Command::Diff {
            old,
            new,
            format,
            out,
        } => diff_files(&old, &new, format.into(), &out),
        Command::Rollover { file, out } => rollover_file(&file, &out),
        Command::Templates { eject, force } => list_or_eject_templates(eject.as_deref(), force),
        Command::Serve(args) => serve(&args),
    }
}

/// The workbench on a folder, or on a data file in its folder.
pub fn serve(args: &ServeArgs) -> Result<ExitCode, Error> {
    let (folder, file) = match &args.target {
        Some(target) if target.is_dir() => (target.clone(), None),
        Some(target)
            if target
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml") =>
        {
            let folder = match target.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
            (folder, name)
        }
        Some(target) if target.exists() => {
            return Err(Error::Usage(format!(
                "“{}”不是文件夹，也不是 .yaml 数据文件；工作台打开一个文件夹或其中的数据文件",
                target.display()
            )));
        }
        Some(target) => (target.clone(), None),
        None => (default_work_dir(), None),
    };
    zongjie::serve(zongjie::ServeOptions {
        folder,
        file,
        port: args.port,
        open_browser: !args.no_open,
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `zongjie` in the user's documents folder, else in the current folder.
fn default_work_dir() -> PathBuf {
    zongjie::default_work_dir().unwrap_or_else(|| PathBuf::from("zongjie"))
}

impl OutputArgs {
    fn destination(&self) -> Destination {
        Destination::from_arg(self.output.as_deref())
    }

    /// Writes `bytes`, refusing when the output is one of `inputs`, and
    /// says where a replaced file's content went.
    fn write(&self, bytes: &[u8], inputs: &[&Path]) -> Result<(), Error> {
        let destination = self.destination();
        destination.refuse_inputs(inputs)?;
        let written = zongjie::write_output(&destination, bytes, self.force)?;
        if let Some(backup) = written.backup {
            eprintln!("原来的文件另存为 {}", backup.display());
        }
        Ok(())
    }
}

fn init_file(args: &InitArgs) -> Result<ExitCode, Error> {
    let year = args
        .year
        .unwrap_or_else(|| zongjie::default_year(chrono::Local::now().date_naive()));
    if !zongjie::YEARS.contains(&year) {
        return Err(Error::Usage(format!(
            "--year {year} 不在 {} 至 {} 之间",
            zongjie::YEARS.start(),
            zongjie::YEARS.end()
        )));
    }
    let starter = Starter {
        kind: args.kind.into(),
        bureau: args.bureau.clone(),
        year,
        circular: args.circular,
    };
    args.out
        .write(zongjie::starter_file(&starter).as_bytes(), &[])?;
    Ok(ExitCode::SUCCESS)
}

fn check_files(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    let stderr = &mut std::io::stderr().lock();
    for file in files {
        let source = match zongjie::read_data_file(file) {
            Ok(source) => source,
            Err(error) => {
                let _ = writeln!(stderr, "{error}");
                failed = true;
                continue;
            }
        };
        let checked = zongjie::check(&display(file), &source.text, Purpose::Review);
        let diagnostics = &checked.diagnostics;
        let _ = write!(stderr, "{diagnostics}");
        let _ = writeln!(stderr, "{}", diagnostics.summary());
        failed |= diagnostics.has_errors();
    }
    exit_code(failed)
}

fn render_files(args: &RenderArgs) -> Result<ExitCode, Error> {
    let destination = args.out.destination();
    let format = match &args.out_dir {
        Some(_) => args.format.map_or(OutputFormat::Docx, OutputFormat::from),
        None => output_format(args.format, &destination)?,
    };
    if args.reference_doc.is_some() && format != OutputFormat::Docx {
        return Err(Error::Usage(
            "--reference-doc 只用于 .docx 输出（--format docx，或 -o 文件名.docx）".into(),
        ));
    }
    let reference = args
        .reference_doc
        .as_deref()
        .map(read_reference)
        .transpose()?;
    let options = RenderOptions {
        template: args.template.as_deref(),
        templates_dir: args.templates.as_deref(),
        reference_doc: reference.as_ref(),
    };
    if let Some(dir) = &args.out_dir {
        return render_batch(args, dir, format, &options);
    }
    let [file] = args.files.as_slice() else {
        return Err(Error::Usage(
            "一次生成几份报告时，请用 --out-dir 目录 指定写到哪里".into(),
        ));
    };
    if format == OutputFormat::Docx {
        refuse_binary_on_terminal(&destination)?;
    }
    let source = zongjie::read_data_file(file)?;
    let bytes = zongjie::render(&display(file), &source.text, format, &options)?;
    args.out.write(&bytes, &inputs_of(args))?;
    Ok(ExitCode::SUCCESS)
}

/// Every data file rendered into `dir`, named after it, with one compile
/// of the templates; a file that fails is reported and the rest go on.
fn render_batch(
    args: &RenderArgs,
    dir: &Path,
    format: OutputFormat,
    options: &RenderOptions,
) -> Result<ExitCode, Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    // Compiled once, so a template error stops the batch at once; each
    // worker thread renders with a clone.
    let first = Renderer::new(options)?;
    let inputs = inputs_of(args);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = args.files.len().div_ceil(workers).max(1);
    let outcomes: Vec<(PathBuf, Result<(), Error>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = args
            .files
            .chunks(chunk)
            .map(|files| {
                let mut renderer = first.clone();
                let inputs = &inputs;
                scope.spawn(move || {
                    files
                        .iter()
                        .map(|file| {
                            render_one(&mut renderer, file, dir, format, args.out.force, inputs)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    let mut failed = 0;
    for (output, outcome) in outcomes {
        match outcome {
            Ok(()) => eprintln!("已生成 {}", output.display()),
            Err(error) => {
                eprintln!("{error}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        eprintln!("共 {} 个文件，{failed} 个没有生成", args.files.len());
    }
    Ok(exit_code(failed > 0))
}

/// One file of a batch rendered into `dir`, named after it.
fn render_one(
    renderer: &mut Renderer,
    file: &Path,
    dir: &Path,
    format: OutputFormat,
    force: bool,
    inputs: &[&Path],
) -> (PathBuf, Result<(), Error>) {
    let stem = file.file_stem().unwrap_or(file.as_os_str());
    let output = dir.join(stem).with_extension(format.extension());
    let rendered = zongjie::read_data_file(file).and_then(|source| {
        let bytes = renderer.render(&display(file), &source.text, format)?;
        let out = OutputArgs {
            output: Some(output.clone()),
            force,
        };
        out.write(&bytes, inputs)
    });
    (output, rendered)
}

fn inputs_of(args: &RenderArgs) -> Vec<&Path> {
    let mut inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.reference_doc.as_deref());
    inputs
}

/// The format asked for, or the one the output file's extension names; a
/// format that is a guess is refused.
fn output_format(
    format: Option<FormatArg>,
    destination: &Destination,
) -> Result<OutputFormat, Error> {
    let asked = format.map(OutputFormat::from);
    let Destination::File(path) = destination else {
        return Ok(asked.unwrap_or(OutputFormat::Markdown));
    };
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let named = OutputFormat::from_extension(&extension);
    match (asked, named) {
        (Some(asked), Some(named)) if asked != named => Err(Error::Usage(format!(
            "--format {} 与输出文件“{}”的扩展名 .{extension} 不一致",
            asked.extension(),
            path.display()
        ))),
        (Some(asked), _) if !matches!(extension.as_str(), "doc" | "wps" | "pdf") => Ok(asked),
        (None, Some(named)) => Ok(named),
        _ => Err(Error::Usage(unknown_format(path, &extension))),
    }
}

fn unknown_format(path: &Path, extension: &str) -> String {
    let formats = "可用的格式：.docx（Word 文件，WPS 和 Word 都能打开）、.md（Markdown）、.txt（纯文本），或用 --format docx|md|txt 指定";
    match extension {
        "doc" | "wps" => format!(
            "zongjie 不写 .{extension} 文件；请写成 .docx：WPS 和 Word 都能打开，需要时在其中另存为 .{extension}。{formats}"
        ),
        "pdf" => format!(
            "zongjie 不直接写 PDF；请先生成 .docx，再在 WPS 或 Word 中“输出为 PDF”（或 libreoffice --headless --convert-to pdf 报告.docx）。{formats}"
        ),
        "" => format!(
            "输出文件“{}”没有扩展名，不知道写成哪种格式。{formats}",
            path.display()
        ),
        _ => format!(
            "不认识输出文件“{}”的格式 .{extension}。{formats}",
            path.display()
        ),
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

fn reference_docx(out: &OutputArgs) -> Result<ExitCode, Error> {
    refuse_binary_on_terminal(&out.destination())?;
    out.write(&zongjie::reference_docx().map_err(Error::DocxWrite)?, &[])?;
    Ok(ExitCode::SUCCESS)
}

fn rollover_file(file: &Path, out: &OutputArgs) -> Result<ExitCode, Error> {
    let source = zongjie::read_data_file(file)?;
    out.destination().refuse_inputs(&[file])?;
    let next = zongjie::rollover(&display(file), &source.text)?;
    out.write(source.with_line_endings(&next).as_bytes(), &[file])?;
    say_converted(file, source.encoding);
    Ok(ExitCode::SUCCESS)
}

/// Once, that a file not in UTF-8 was written out in UTF-8.
fn say_converted(file: &Path, encoding: TextEncoding) {
    if encoding != TextEncoding::Utf8 {
        eprintln!(
            "说明：{} 是 {} 编码的，写出的文件用 UTF-8 编码",
            file.display(),
            encoding.name()
        );
    }
}

fn merge_files(args: &MergeArgs) -> Result<ExitCode, Error> {
    let sources: Vec<(String, String)> = args
        .files
        .iter()
        .map(|f| Ok((display(f), zongjie::read_data_file(f)?.text)))
        .collect::<Result<_, Error>>()?;
    let inputs: Vec<MergeInput> = sources
        .iter()
        .map(|(path, source)| MergeInput { path, source })
        .collect();
    let files: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    args.out.destination().refuse_inputs(&files)?;
    let options = MergeOptions {
        bureau: args.bureau.as_deref(),
        level: args.level.map(Into::into),
        scope: args.scope.as_deref(),
    };
    let merged = zongjie::merge(&inputs, &options)?;
    let shown = match args.out.destination() {
        Destination::File(path) => display(&path),
        Destination::Stdout => "合并结果".to_string(),
    };
    let warnings = Diagnostics::new(&shown, &merged.data_file, merged.warnings);
    if !warnings.diagnostics.is_empty() {
        eprint!("{warnings}");
    }
    args.out.write(merged.data_file.as_bytes(), &files)?;
    Ok(ExitCode::SUCCESS)
}

fn import_report(report: &Path, out: &OutputArgs) -> Result<ExitCode, Error> {
    let bytes = zongjie::read_report_file(report)?;
    out.destination().refuse_inputs(&[report])?;
    let imported = zongjie::import(&display(report), &bytes)?;
    for warning in &imported.warnings {
        eprintln!("警告：{warning}");
    }
    out.write(imported.data_file.as_bytes(), &[report])?;
    Ok(ExitCode::SUCCESS)
}

fn diff_files(
    old: &Path,
    new: &Path,
    format: zongjie::DiffFormat,
    out: &OutputArgs,
) -> Result<ExitCode, Error> {
    let (old_source, new_source) = (zongjie::read_data_file(old)?, zongjie::read_data_file(new)?);
    let comparison = zongjie::compare(
        &display(old),
        &old_source.text,
        &display(new),
        &new_source.text,
    )?;
    if comparison.years_reversed() {
        eprintln!(
            "警告：第一个文件是 {} 年的，第二个是 {} 年的；diff 先写上一年的文件，再写今年的",
            comparison.old_year, comparison.new_year
        );
    }
    out.write(comparison.write(format).as_bytes(), &[old, new])?;
    Ok(ExitCode::SUCCESS)
}

fn list_or_eject_templates(eject: Option<&Path>, force: bool) -> Result<ExitCode, Error> {
    match eject {
        Some(dir) => {
            for path in zongjie::eject_templates(dir, force)? {
                println!("已写出 {}", path.display());
            }
        }
        None => {
            for (name, _) in zongjie::BUILTIN_TEMPLATES {
                println!("{}", name.trim_end_matches(".md"));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn lint_files(args: &LintArgs) -> Result<ExitCode, Error> {
    let mut results = Vec::new();
    for file in &args.files {
        let linted = zongjie::lint_file(file)?;
        if args.fix && linted.stored.is_none() {
            return Err(Error::Usage(format!(
                "--fix 不修改 .docx（{}）：请修改数据文件后重新生成，或在 Word 中修改",
                file.display()
            )));
        }
        let fixed = if args.fix {
            zongjie::write_fixed(file, &linted)?
        } else {
            None
        };
        match fixed {
            Some(written) => {
                eprintln!(
                    "已修正 {}，原文件保存为 {}",
                    file.display(),
                    written.backup.display()
                );
                if let Some(encoding) = written.converted_from {
                    say_converted(file, encoding);
                }
                results.push(zongjie::lint_file(file)?.linted);
            }
            None => results.push(linted.linted),
        }
    }
    match args.format {
        LintFormatArg::Human => print_lint_results(&results, args.quiet),
        LintFormatArg::Json => println!("{}", zongjie::lint_json(&results)),
    }
    Ok(exit_code(results.iter().any(|r| r.report.has_errors())))
}

/// The findings by file, then, for many findings or `--quiet`, the counts
/// by rule.
fn print_lint_results(results: &[Linted], quiet: bool) {
    let stderr = &mut std::io::stderr().lock();
    let total: usize = results.iter().map(|r| r.report.diagnostics.len()).sum();
    if !quiet {
        for result in results {
            let _ = write!(stderr, "{}", result.report);
            let _ = writeln!(stderr, "{}", result.report.summary());
            if result.by_paragraph && !result.report.diagnostics.is_empty() {
                let _ = writeln!(stderr, "（.docx 的位置写作“文件:段:字”，即第几段第几个字）");
            }
        }
    }
    if quiet || total > 10 {
        let _ = write!(stderr, "{}", zongjie::lint_summary(results));
    }
}

fn read_reference(path: &Path) -> Result<DocxReference, Error> {
    let bytes = zongjie::read_report_file(path)?;
    DocxReference::from_bytes(&bytes).map_err(|source| Error::Docx {
        path: path.to_path_buf(),
        source,
    })
}

fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
