//! The command line, declared with clap's derive: every subcommand and
//! option, with help in Chinese and the English in brackets.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use zongjie::{DiffFormat, Kind, Level, OutputFormat};

/// The whole command line.
#[derive(Parser)]
#[command(
    name = "zongjie",
    version,
    about = "zongjie（总结）：用一个 YAML 数据文件写出机关单位的年度工作总结和法治政府建设年度报告。\nWrites the annual reports of Chinese government bureaus from a YAML data file.",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// 显示帮助 (print help)
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// 显示版本 (print version)
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
    /// 子命令 (the command)
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand)]
pub enum Command {
    /// 生成带注释的起始数据文件 (write a commented starter data file)
    Init(InitArgs),
    /// 检查数据文件，列出全部问题，不写任何文件 (check data files)
    Check {
        /// 数据文件 (data files)
        #[arg(required = true, value_name = "数据文件")]
        files: Vec<PathBuf>,
    },
    /// 由数据文件生成报告 (render a report)
    Render(RenderArgs),
    /// 按公文规范检查文字：标点、配对、空格、数字、序号、年份 (lint Chinese official text)
    Lint(LintArgs),
    /// 由今年的数据文件生成明年的起始文件，原文件不变 (start next year's file from this year's)
    Rollover {
        /// 今年的数据文件 (this year's data file)
        #[arg(value_name = "数据文件")]
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
        #[arg(value_name = "报告")]
        report: PathBuf,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// 把几个单位的数据文件合并为一个，数字按名称相加 (sum several offices' files into one)
    Merge(MergeArgs),
    /// 对照两年数据文件中的全部数字及其增减 (compare two years' figures)
    Diff {
        /// 上一年的数据文件 (last year's data file)
        #[arg(value_name = "去年的数据文件")]
        old: PathBuf,
        /// 今年的数据文件 (this year's data file)
        #[arg(value_name = "今年的数据文件")]
        new: PathBuf,
        /// 输出格式：md 为表格，csv 可用 Excel 打开 (output format)
        #[arg(short, long, value_enum, default_value = "md", value_name = "格式")]
        format: DiffFormatArg,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// 在浏览器中打开工作台；不带参数运行 zongjie 也是如此 (open the workbench in the browser)
    Serve(ServeArgs),
    /// 列出内置模板，或导出到目录作为自定义模板的起点 (list or eject the built-in templates)
    Templates {
        /// 把内置模板写到这个目录 (write the built-in templates into DIR)
        #[arg(long, value_name = "目录")]
        eject: Option<PathBuf>,
        /// 覆盖目录中已存在的同名文件，原文件另存为 .bak (overwrite existing files)
        #[arg(long)]
        force: bool,
    },
}

/// `zongjie serve`.
#[derive(Args, Default)]
pub struct ServeArgs {
    /// 工作文件夹，或其中要打开的数据文件；默认为“文档”中的 zongjie 文件夹 (working folder, or a data file in it)
    #[arg(value_name = "文件夹或文件")]
    pub target: Option<PathBuf>,
    /// 端口；默认自动选一个空闲端口 (port on 127.0.0.1)
    #[arg(long, value_name = "端口")]
    pub port: Option<u16>,
    /// 不自动打开浏览器 (do not open the browser)
    #[arg(long)]
    pub no_open: bool,
}

/// Where a command writes its result.
#[derive(Args)]
pub struct OutputArgs {
    /// 输出文件；不写或写 - 则输出到屏幕 (output file, - for stdout)
    #[arg(short, long, value_name = "文件")]
    pub output: Option<PathBuf>,
    /// 覆盖已存在的输出文件，原文件另存为 .bak (overwrite, keeping a .bak)
    #[arg(long)]
    pub force: bool,
}

/// `zongjie init`.
#[derive(Args)]
pub struct InitArgs {
    /// 报告类型 (kind of report)
    #[arg(long, value_enum, default_value = "work-summary", value_name = "类型")]
    pub kind: KindArg,
    /// 单位全称 (the bureau's full name)
    #[arg(long, default_value = "某某市司法局", value_name = "名称")]
    pub bureau: String,
    /// 年度（1949–2100）；默认为最近一个需要总结的年份 (report year)
    #[arg(long, value_name = "年")]
    pub year: Option<i32>,
    /// 以印发通知的形式发出 (sent out with a covering circular)
    #[arg(long)]
    pub circular: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// `zongjie render`.
#[derive(Args)]
pub struct RenderArgs {
    /// 数据文件；几个文件时用 --out-dir (data files; several need --out-dir)
    #[arg(required = true, value_name = "数据文件")]
    pub files: Vec<PathBuf>,
    /// 模板名称；默认按数据文件的类型 (template name)
    #[arg(long, value_name = "名称")]
    pub template: Option<String>,
    /// 自定义模板目录，同名模板优先 (directory of custom templates)
    #[arg(long, value_name = "目录")]
    pub templates: Option<PathBuf>,
    /// 输出格式；不写时按 -o 的扩展名（.docx、.txt、.md），输出到屏幕为 md，--out-dir 为 docx (output format)
    #[arg(short, long, value_enum, value_name = "格式")]
    pub format: Option<FormatArg>,
    /// 取用这个 Word 文件的样式、页面设置和页脚（仅用于 docx）(a bureau's own .docx to take the look from)
    #[arg(long, value_name = "文件")]
    pub reference_doc: Option<PathBuf>,
    /// 把每个数据文件的报告写到这个目录，文件名随数据文件 (one report per data file into DIR)
    #[arg(long, value_name = "目录", conflicts_with = "output")]
    pub out_dir: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// `zongjie lint`.
#[derive(Args)]
pub struct LintArgs {
    /// 数据文件、.txt、.md 或 .docx 报告 (data files or reports)
    #[arg(required = true, value_name = "文件")]
    pub files: Vec<PathBuf>,
    /// 自动修正不改变原意的问题，原文件另存为 .bak (apply the safe fixes, keeping a backup)
    #[arg(long)]
    pub fix: bool,
    /// 只列出按规则统计的数目 (print only the counts by rule)
    #[arg(short, long)]
    pub quiet: bool,
    /// 输出格式 (output format)
    #[arg(long, value_enum, default_value = "human", value_name = "格式")]
    pub format: LintFormatArg,
}

/// `zongjie merge`.
#[derive(Args)]
pub struct MergeArgs {
    /// 数据文件；第一个提供结构和文字 (data files; the first gives structure and prose)
    #[arg(required = true, value_name = "数据文件")]
    pub files: Vec<PathBuf>,
    /// 合并后的单位名称，如“某某市司法局” (the merged file's bureau)
    #[arg(long, value_name = "名称")]
    pub bureau: Option<String>,
    /// 合并后的单位级别；不写则按名称推断 (its level, when the name does not tell)
    #[arg(long, value_enum, value_name = "级别")]
    pub level: Option<LevelArg>,
    /// 合并后对全辖区的称呼，如“全市” (its area word)
    #[arg(long, value_name = "称呼")]
    pub scope: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// `--level`.
#[derive(Clone, Copy, ValueEnum)]
pub enum LevelArg {
    /// 省级
    #[value(name = "省", alias = "province")]
    Province,
    /// 市级
    #[value(name = "市", alias = "city")]
    City,
    /// 县级
    #[value(name = "县", alias = "county")]
    County,
    /// 区级
    #[value(name = "区", alias = "district")]
    District,
}

impl From<LevelArg> for Level {
    fn from(level: LevelArg) -> Level {
        match level {
            LevelArg::Province => Level::Province,
            LevelArg::City => Level::City,
            LevelArg::County => Level::County,
            LevelArg::District => Level::District,
        }
    }
}

/// `--kind`.
#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// 年度工作总结
    #[value(name = "work-summary", alias = "工作总结")]
    WorkSummary,
    /// 法治政府建设年度报告
    #[value(name = "rule-of-law-report", alias = "法治政府建设年度报告")]
    RuleOfLaw,
}

impl From<KindArg> for Kind {
    fn from(kind: KindArg) -> Kind {
        match kind {
            KindArg::WorkSummary => Kind::WorkSummary,
            KindArg::RuleOfLaw => Kind::RuleOfLaw,
        }
    }
}

/// `diff --format`.
#[derive(Clone, Copy, ValueEnum)]
pub enum DiffFormatArg {
    /// Markdown 表格 (a Markdown table)
    Md,
    /// CSV，可用 Excel 等表格软件打开 (for spreadsheets)
    Csv,
}

impl From<DiffFormatArg> for DiffFormat {
    fn from(format: DiffFormatArg) -> DiffFormat {
        match format {
            DiffFormatArg::Md => DiffFormat::Markdown,
            DiffFormatArg::Csv => DiffFormat::Csv,
        }
    }
}

/// `lint --format`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormatArg {
    /// 按文件分组的说明 (grouped by file, for people)
    Human,
    /// JSON，供程序读取 (for programs)
    Json,
}

/// `render --format`.
#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// 可用 pandoc 转换的 Markdown (docx-ready Markdown)
    Md,
    /// 纯文本，段首空两格 (plain text)
    Txt,
    /// Word 文件，GB/T 9704 版式 (Word document in the official layout)
    Docx,
}

impl From<FormatArg> for OutputFormat {
    fn from(format: FormatArg) -> OutputFormat {
        match format {
            FormatArg::Md => OutputFormat::Markdown,
            FormatArg::Txt => OutputFormat::Text,
            FormatArg::Docx => OutputFormat::Docx,
        }
    }
}
