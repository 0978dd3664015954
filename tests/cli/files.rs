//! Safe files: no command replaces its own input, a replaced file is kept
//! as .bak, formats are never guessed, every encoding and line ending a
//! clerk's file comes in is read and kept, inputs are capped; several
//! files render in one batch.

use std::path::{Path, PathBuf};

use crate::common::{HEAD, example, scratch_file, stdout_of, zongjie};

/// A valid data file in a fresh folder.
fn data_file() -> (tempfile::TempDir, PathBuf) {
    scratch_file("data.yaml", &format!("{HEAD}开头: 一年来成效明显。\n"))
}

/// Runs zongjie with `args`; (exit code, stderr).
fn run(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let output = zongjie().args(args).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn os(path: &Path) -> &std::ffi::OsStr {
    path.as_os_str()
}

#[test]
fn no_command_replaces_its_own_input_however_the_path_is_spelled() {
    let (dir, data) = data_file();
    let before = std::fs::read(&data).unwrap();
    let link = dir.path().join("link.yaml");
    let hard = dir.path().join("hard.yaml");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&data, &link).unwrap();
    #[cfg(not(unix))]
    std::fs::copy(&data, &link).unwrap();
    std::fs::hard_link(&data, &hard).unwrap();
    let dotted = dir.path().join(".").join("data.yaml");
    for output in [&data, &dotted, &link, &hard] {
        for command in [
            vec!["render", "--format", "md"],
            vec!["rollover"],
            vec!["merge"],
        ] {
            let mut args: Vec<&std::ffi::OsStr> = command.iter().map(|a| a.as_ref()).collect();
            args.extend([os(&data), "-o".as_ref(), os(output), "--force".as_ref()]);
            let (code, stderr) = run(&args);
            assert_eq!(code, 2, "{command:?} -o {}: {stderr}", output.display());
            assert!(stderr.contains("就是输入文件"), "{stderr}");
            assert_eq!(std::fs::read(&data).unwrap(), before, "{command:?}");
        }
        let diff: Vec<&std::ffi::OsStr> = vec![
            "diff".as_ref(),
            os(&data),
            os(&data),
            "-o".as_ref(),
            os(output),
            "--force".as_ref(),
        ];
        assert_eq!(run(&diff).0, 2);
        assert_eq!(std::fs::read(&data).unwrap(), before);
    }
    let report = dir.path().join("report.txt");
    std::fs::write(
        &report,
        "某某县司法局2022年工作总结\n一、工作情况\n开展培训。\n",
    )
    .unwrap();
    let report_before = std::fs::read(&report).unwrap();
    let (code, _) = run(&[
        "import".as_ref(),
        os(&report),
        "-o".as_ref(),
        os(&report),
        "--force".as_ref(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read(&report).unwrap(), report_before);
}

#[test]
fn force_replaces_another_file_and_keeps_it_as_bak() {
    let (dir, data) = data_file();
    let out = dir.path().join("next.yaml");
    std::fs::write(&out, "clerk's own").unwrap();
    let (code, stderr) = run(&[
        "rollover".as_ref(),
        os(&data),
        "-o".as_ref(),
        os(&out),
        "--force".as_ref(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("原来的文件另存为"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("next.yaml.bak")).unwrap(),
        "clerk's own"
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("年度: 2023")
    );
}

#[test]
fn an_output_format_is_never_a_guess() {
    let (dir, data) = data_file();
    for (name, words) in [
        ("报告.doc", "不写 .doc 文件"),
        ("报告.wps", "不写 .wps 文件"),
        ("报告.pdf", "不直接写 PDF"),
        ("报告.rtf", "不认识输出文件"),
        ("报告", "没有扩展名"),
    ] {
        let out = dir.path().join(name);
        let (code, stderr) = run(&["render".as_ref(), os(&data), "-o".as_ref(), os(&out)]);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stderr.contains(words), "{name}: {stderr}");
        assert!(
            stderr.contains(".docx（Word 文件，WPS 和 Word 都能打开）"),
            "{stderr}"
        );
        assert!(!out.exists(), "{name} was written");
    }
    let out = dir.path().join("x.docx");
    let (code, stderr) = run(&[
        "render".as_ref(),
        os(&data),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        os(&out),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--format md 与输出文件"), "{stderr}");
    assert!(!out.exists());
    let out = dir.path().join("report.out");
    let (code, stderr) = run(&[
        "render".as_ref(),
        os(&data),
        "--format".as_ref(),
        "txt".as_ref(),
        "-o".as_ref(),
        os(&out),
    ]);
    assert_eq!(code, 0, "--format wins over an unknown extension: {stderr}");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("一年来成效明显。")
    );
}

/// Every encoding a clerk's data file comes in, for every command that
/// reads one.
#[test]
fn data_files_in_gbk_utf16_and_with_a_mark_load_everywhere() {
    let text = format!("{HEAD}开头: 受理{{受理}}。\n数据:\n  受理: 12件\n");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let encodings: [(&str, Vec<u8>); 3] = [
        ("gbk", encoding_rs::GBK.encode(&text).0.into_owned()),
        ("utf16", utf16),
        (
            "bom",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
    ];
    for (name, bytes) in encodings {
        let (dir, path) = scratch_file(&format!("{name}.yaml"), "");
        std::fs::write(&path, &bytes).unwrap();
        zongjie().arg("check").arg(&path).assert().success();
        let rendered = stdout_of(zongjie().args(["render", "-f", "txt"]).arg(&path));
        assert!(rendered.contains("受理12件。"), "{name}: {rendered}");
        let next = dir.path().join("next.yaml");
        let output = zongjie()
            .arg("rollover")
            .arg(&path)
            .arg("-o")
            .arg(&next)
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}");
        let said = String::from_utf8(output.stderr).unwrap();
        assert_eq!(
            said.matches("写出的文件用 UTF-8 编码").count(),
            1,
            "{name}: {said}"
        );
        assert!(
            std::fs::read_to_string(&next)
                .unwrap()
                .contains("年度: 2023")
        );
        zongjie()
            .arg("merge")
            .arg(&path)
            .arg(&path)
            .args(["--bureau", "某市司法局"])
            .assert()
            .success();
        zongjie()
            .arg("diff")
            .arg(&path)
            .arg(&next)
            .assert()
            .success();
    }
}

#[test]
fn crlf_files_stay_crlf_when_rolled_over_or_fixed() {
    let text =
        format!("{HEAD}开头: 律师会见2 次,公安1次。\n工作: 开展培训。\n").replace('\n', "\r\n");
    let (dir, path) = scratch_file("crlf.yaml", &text);
    let next = dir.path().join("next.yaml");
    zongjie()
        .arg("rollover")
        .arg(&path)
        .arg("-o")
        .arg(&next)
        .assert()
        .success();
    let rolled = std::fs::read_to_string(&next).unwrap();
    assert!(rolled.contains("\r\n"), "{rolled}");
    assert!(
        !rolled.replace("\r\n", "").contains('\n'),
        "mixed line endings"
    );
    let output = zongjie()
        .args(["lint", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(String::from_utf8(output.stderr).unwrap().contains("已修正"));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("律师会见2次，公安1次。\r\n"), "{fixed:?}");
    assert!(
        !fixed.replace("\r\n", "").contains('\n'),
        "mixed line endings"
    );
}

#[test]
fn a_report_or_an_empty_file_given_as_a_data_file_says_what_to_do() {
    let (dir, _) = data_file();
    for name in ["report.txt", "report.md", "report.docx"] {
        let path = dir.path().join(name);
        std::fs::write(&path, "某某县司法局2022年工作总结\n").unwrap();
        for command in ["check", "render"] {
            let (code, stderr) = run(&[command.as_ref(), os(&path)]);
            assert_eq!(code, 1, "{command} {name}");
            assert!(
                stderr.contains("是一份报告，不是数据文件；用 zongjie import"),
                "{stderr}"
            );
        }
    }
    let empty = dir.path().join("empty.yaml");
    std::fs::write(&empty, "\n  \n").unwrap();
    let (code, stderr) = run(&["check".as_ref(), os(&empty)]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("是空的；用 zongjie init 生成起始数据文件"),
        "{stderr}"
    );
}

#[test]
fn inputs_are_capped_and_only_regular_files_are_read() {
    let (dir, _) = data_file();
    let big = dir.path().join("big.yaml");
    let line = format!("# {}\n", "长".repeat(300));
    let lines = (16 << 20) / line.len() + 1;
    std::fs::write(&big, format!("{HEAD}{}", line.repeat(lines))).unwrap();
    let (code, stderr) = run(&["check".as_ref(), os(&big)]);
    assert_eq!(code, 1);
    assert!(stderr.contains("超过了上限 16 MiB"), "{stderr}");
    let (code, stderr) = run(&["check".as_ref(), "/dev/zero".as_ref()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("不是普通文件"), "{stderr}");
    let (code, stderr) = run(&["lint".as_ref(), "/dev/zero".as_ref()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("不是普通文件"), "{stderr}");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let (code, stderr) = run(&["check".as_ref(), os(&fifo)]);
            assert_eq!(code, 1);
            assert!(stderr.contains("不是普通文件"), "{stderr}");
        }
    }
}

#[test]
fn several_files_render_in_one_batch_and_a_failure_does_not_stop_the_rest() {
    let (dir, good) = data_file();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, format!("{HEAD}开头: 受理{{未知}}。\n")).unwrap();
    let out = dir.path().join("out");
    let output = zongjie()
        .arg("render")
        .arg(&good)
        .arg(&bad)
        .arg(example("nested-summary"))
        .arg("--out-dir")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("引用了未定义的数据“未知”"), "{stderr}");
    assert!(stderr.contains("共 3 个文件，1 个没有生成"), "{stderr}");
    assert!(out.join("data.docx").is_file());
    assert!(out.join("nested-summary.docx").is_file());
    assert!(!out.join("bad.docx").exists());
    let (code, stderr) = run(&["render".as_ref(), os(&good), os(&bad)]);
    assert_eq!(code, 2, "several files need --out-dir: {stderr}");
}

#[test]
fn diff_writes_a_file_with_a_mark_for_excel_and_warns_about_the_order() {
    let (dir, old) = data_file();
    let next = dir.path().join("next.yaml");
    zongjie()
        .arg("rollover")
        .arg(&old)
        .arg("-o")
        .arg(&next)
        .assert()
        .success();
    let csv = dir.path().join("diff.csv");
    zongjie()
        .arg("diff")
        .arg(&old)
        .arg(&next)
        .args(["--format", "csv", "-o"])
        .arg(&csv)
        .assert()
        .success();
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let (code, stderr) = run(&["diff".as_ref(), os(&next), os(&old)]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("第一个文件是 2023 年的，第二个是 2022 年的"),
        "{stderr}"
    );
}

#[test]
fn lint_counts_findings_by_rule_and_quiet_prints_only_the_counts() {
    let messy = "2022年工作总结\n".to_string() + &"律师会见2 次,公安1次。\n".repeat(8);
    let (_dir, path) = scratch_file("messy.txt", &messy);
    let (code, stderr) = run(&["lint".as_ref(), os(&path)]);
    assert_eq!(code, 1);
    assert!(stderr.contains("按规则统计（共 16 处）"), "{stderr}");
    assert!(stderr.contains("P001 中文里用了半角标点：8 处"), "{stderr}");
    let (_, quiet) = run(&["lint".as_ref(), "--quiet".as_ref(), os(&path)]);
    assert!(quiet.starts_with("按规则统计"), "{quiet}");
    assert!(!quiet.contains("-->"), "{quiet}");
}

#[test]
fn init_refuses_a_year_out_of_range() {
    let (code, stderr) = run(&["init".as_ref(), "--year".as_ref(), "1800".as_ref()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--year 1800 不在 1949 至 2100 之间"),
        "{stderr}"
    );
}
