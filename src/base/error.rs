//! The errors a command can end with. Messages are in Chinese; the English
//! detail from a library is kept where it helps.

use std::io;
use std::path::PathBuf;

use crate::base::diagnostic::Diagnostics;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input file could not be read.
    #[error("无法读取“{path}”：{}", io_reason(.source))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// An output file could not be written.
    #[error("无法写入“{path}”：{}", io_reason(.source))]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The output exists and `--force` was not given.
    #[error("“{}”已存在，没有覆盖；要覆盖请加 --force（原文件会另存为 .bak）", .0.display())]
    OutputExists(PathBuf),
    /// The output is one of the inputs, however it is spelled.
    #[error("输出文件“{}”就是输入文件“{}”，不能用结果覆盖输入；请另取一个文件名", .output.display(), .input.display())]
    SameFile {
        /// The input, as given.
        input: PathBuf,
        /// The output, as given.
        output: PathBuf,
    },
    /// An input is larger than zongjie reads.
    #[error("“{}”有 {} MiB，超过了上限 {} MiB；{}", .path.display(), .size >> 20, .limit >> 20, limit_reason(*.limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size, or the bytes read before stopping.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// An input is not a regular file (a FIFO, a device, a directory).
    #[error("“{}”不是普通文件（可能是目录、管道或设备），无法读取", .0.display())]
    NotAFile(PathBuf),
    /// A data file with nothing in it.
    #[error("“{}”是空的；用 zongjie init 生成起始数据文件", .0.display())]
    EmptyDataFile(PathBuf),
    /// A report passed where a data file is wanted.
    #[error("“{}”是一份报告，不是数据文件；用 zongjie import 把它导入成数据文件", .0.display())]
    NotADataFile(PathBuf),
    /// A data file has errors; the report lists them with their places.
    #[error("{}", summary(.0))]
    Invalid(Diagnostics),
    /// A template could not be loaded or rendered; the diagnostic names
    /// the template, line and column.
    #[error("{0}")]
    Template(Box<Diagnostics>),
    /// No template has the name asked for.
    #[error("找不到模板“{name}”；可用的模板有：{available}")]
    UnknownTemplate {
        /// The name asked for.
        name: String,
        /// The names there are.
        available: String,
    },
    /// A .docx given as input (`--reference-doc`) could not be used.
    #[error("无法使用“{path}”：{source}")]
    Docx {
        /// The file.
        path: PathBuf,
        /// Why.
        source: DocxError,
    },
    /// The .docx could not be put together.
    #[error("{0}")]
    DocxWrite(DocxError),
    /// Input files that cannot go together: two years in one merge, one
    /// figure in two units.
    #[error("{0}")]
    Mismatch(String),
    /// A file given to import holds no report: it is empty, has no
    /// paragraph of Chinese text, or only a title.
    #[error("“{0}”里没有可导入的报告：文件是空的、没有一段中文文字，或只有标题没有正文")]
    NoReport(String),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// The workbench could not start or stopped on an error.
    #[error("工作台无法运行：{}", io_reason(.0))]
    Serve(io::Error),
}

impl Error {
    /// The process exit code: 2 for bad usage, 1 for bad input.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::OutputExists(_)
            | Error::SameFile { .. }
            | Error::Usage(_)
            | Error::UnknownTemplate { .. } => 2,
            _ => 1,
        }
    }
}

fn limit_reason(limit: u64) -> &'static str {
    if limit <= 16 << 20 {
        "数据文件不会这么大，请确认选对了文件"
    } else {
        "报告不会这么大，请确认选对了文件"
    }
}

fn summary(report: &Diagnostics) -> String {
    format!("{report}{}", report.summary())
}

fn io_reason(error: &io::Error) -> String {
    let reason = match error.kind() {
        io::ErrorKind::NotFound => "文件或目录不存在",
        io::ErrorKind::PermissionDenied => "没有权限",
        io::ErrorKind::IsADirectory => "这是一个目录",
        io::ErrorKind::InvalidData => "不是 UTF-8 编码的文本",
        _ => "",
    };
    if reason.is_empty() {
        error.to_string()
    } else {
        format!("{reason}（{error}）")
    }
}

/// Why a .docx could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The bytes are not a zip archive.
    #[error("不是 .docx 文件（无法作为 zip 压缩包打开：{0}）")]
    NotZip(String),
    /// A part the package must have is missing.
    #[error("缺少 {0}，不是完整的 Word 文档")]
    MissingPart(String),
    /// A part could not be decompressed or is too large.
    #[error("无法读取其中的 {part}：{detail}")]
    Part {
        /// The part's name in the package.
        part: String,
        /// Why.
        detail: String,
    },
    /// A part is not well-formed XML.
    #[error("其中的 {part} 不是有效的 XML：{detail}")]
    Xml {
        /// The part's name in the package.
        part: String,
        /// The parser's message.
        detail: String,
    },
    /// The zip archive could not be written.
    #[error("无法生成 .docx 压缩包：{0}")]
    Zip(String),
}
