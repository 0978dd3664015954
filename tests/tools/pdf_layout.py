#!/usr/bin/env python3
"""Measures, on the PDF LibreOffice printed of a .docx, what GB/T 9704-2012
asks of the page, and prints the figures and every departure.

usage: pdf_layout.py DOCX PDF [DOCX PDF ...]
       pdf_layout.py --same OURS.pdf THEIRS.pdf

Per file: every full line of body text holds 28 characters (a line that
LibreOffice ended early so as not to start the next with a closing mark, or
end this with an opening one, holds fewer); a full page holds 22 lines; the
page number's dash (its ink) is 7 ± 1 mm under the text block; a wrapped
attachment name goes on under the name's first character; a title of more
than one line has lines of at most 20 characters, none shorter than half
the longest, centred; every character of the .docx's text is on the pages.
--same: the two PDFs set the same text on the same lines at the same
places (pandoc's .docx of our Markdown against ours).

Needs pdfplumber and poppler's pdftoppm. Exit 0 when nothing departs.
"""
import collections
import re
import subprocess
import sys
import zipfile

import pdfplumber

MM = 72 / 25.4
LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0
PITCH = 579 / 20 / MM  # a line of the body, in mm
CHAR = 15.75 / MM  # a character of 3号 as the styles condense it, in mm
PER_LINE, PER_PAGE = 28, 22
CLOSING = "，。、；：？！）》」』】〕”’…—"
OPENING = "（《「『【〔“‘"


class Line:
    def __init__(self, page, chars):
        self.page = page
        self.chars = sorted(chars, key=lambda c: c["x0"])
        self.text = "".join(c["text"] for c in self.chars)
        self.size = max(c["size"] for c in self.chars)
        self.top = min(c["top"] for c in self.chars) / MM
        self.bottom = max(c["bottom"] for c in self.chars) / MM
        self.x0 = self.chars[0]["x0"] / MM
        self.x1 = self.chars[-1]["x1"] / MM

    def inside(self):
        """The characters inside the text block (a mark may hang past it)."""
        return [c for c in self.chars if c["x0"] / MM < RIGHT - 0.5]

    def is_body(self):
        return abs(self.size - 16) < 0.6 and TOP - 1 < self.top < BOTTOM

    def is_title(self):
        return abs(self.size - 22) < 0.6 and self.top < BOTTOM


def lines_of(pdf):
    pages = []
    for number, page in enumerate(pdf.pages, 1):
        rows = collections.defaultdict(list)
        for c in page.chars:
            if not c["text"].isspace():
                rows[round(c["bottom"] * 2) / 2].append(c)
        pages.append([Line(number, rows[k]) for k in sorted(rows)])
    return pages


def full_width(text):
    return all(not ch.isascii() for ch in text)


def check_characters_per_line(pages, problems, figures):
    flat = [line for page in pages for line in page if line.is_body() or line.is_title()]
    for line, following in zip(flat, flat[1:]):
        continues = following.is_body() and abs(following.x0 - LEFT) < 0.5
        if not (line.is_body() and continues):
            continue
        inside = "".join(c["text"] for c in line.inside())
        if not full_width(inside):
            continue
        indent = round((line.x0 - LEFT) / CHAR)
        cells = len(inside) + indent
        figures["characters a full line"][cells] += 1
        pushed = following.text[: PER_LINE - cells + 1]
        kept_whole = pushed[-1:] in tuple(CLOSING) or pushed[:1] in tuple(OPENING) or following.text[:1].isascii()
        early = cells < PER_LINE and kept_whole
        if cells != PER_LINE and not early:
            problems.append(f"p{line.page} {line.top:.1f} mm: {cells} characters, not {PER_LINE}: {line.text}")


def slot(line):
    return int((line.bottom - TOP) / PITCH)


def check_lines_per_page(pages, problems, figures):
    for index, page in enumerate(pages):
        text = [l for l in page if l.is_body() or l.is_title()]
        if not text:
            continue
        spanned = slot(text[-1]) + 1
        figures["lines a page"][spanned] += 1
        if spanned > PER_PAGE:
            problems.append(f"p{index + 1}: {spanned} lines")
        following = [l for l in pages[index + 1] if l.is_body() or l.is_title()] if index + 1 < len(pages) else []
        if not following or following[0].is_title():
            continue  # the last page, or the page before a page break
        # A heading kept with its paragraph (or the blank line before 附件)
        # may leave a page a few lines short; a paragraph never breaks early.
        starts_paragraph = following[0].x0 > LEFT + CHAR
        kept_with_next = PER_PAGE - 3 <= spanned < PER_PAGE and starts_paragraph
        if spanned != PER_PAGE and not kept_with_next:
            problems.append(f"p{index + 1}: {spanned} lines on a full page, not {PER_PAGE}")


def dash_ink(pdf_path, page_number, dash):
    """The middle of the dash's stroke, in mm from the paper's top edge."""
    resolution = 600
    crop = [str(int(v / 72 * resolution)) for v in (dash["x0"], dash["top"], dash["x1"] - dash["x0"], dash["bottom"] - dash["top"] + 1)]
    ppm = subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-f", str(page_number), "-l", str(page_number), "-gray",
         "-x", crop[0], "-y", crop[1], "-W", crop[2], "-H", crop[3], pdf_path],
        capture_output=True, check=True).stdout
    header = ppm.split(b"\n", 3)
    width, height = map(int, header[1].split())
    pixels = header[3]
    rows = [y for y in range(height) if sum(1 for x in range(width) if pixels[y * width + x] < 128) > width / 3]
    return (dash["top"] + (rows[0] + rows[-1]) / 2 / resolution * 72) / MM


def check_page_numbers(pdf_path, pages, problems, figures):
    for page in pages:
        footer = [l for l in page if l.top > BOTTOM and "—" in l.text]
        if not footer:
            problems.append(f"p{page[0].page if page else '?'}: no page number")
            continue
        dash = next(c for c in footer[0].chars if c["text"] == "—")
        below = dash_ink(pdf_path, footer[0].page, dash) - BOTTOM
        figures["page number dash below the text block (mm)"][round(below, 1)] += 1
        if abs(below - 7) > 1:
            problems.append(f"p{footer[0].page}: the page number's dash is {below:.1f} mm under the text block, not 7")


def check_attachments(pages, problems, figures):
    flat = [line for page in pages for line in page if line.is_body()]
    for index, line in enumerate(flat):
        if not line.text.startswith("附件："):
            continue
        numbered = re.match(r"附件：\d+\.", line.text)
        name_at = len(numbered.group(0)) if numbered else len("附件：")
        name_x = line.chars[name_at]["x0"] / MM
        for wrapped in flat[index + 1:]:
            if re.match(r"\d+\.", wrapped.text) or wrapped.x0 < name_x - 4 * CHAR:
                if re.match(r"\d+\.", wrapped.text):
                    number = re.match(r"\d+\.", wrapped.text).group(0)
                    name_x = wrapped.chars[len(number)]["x0"] / MM
                    continue
                break
            figures["attachment wrapped line off its name (mm)"][round(wrapped.x0 - name_x, 1)] += 1
            if abs(wrapped.x0 - name_x) > 0.5:
                problems.append(f"p{wrapped.page}: the attachment line “{wrapped.text}” starts at {wrapped.x0:.1f} mm, its name at {name_x:.1f} mm")


def check_titles(pages, problems, figures):
    for page in pages:
        titles = [l for l in page if l.is_title()]
        groups = []
        for line in titles:
            if groups and abs(line.bottom - groups[-1][-1].bottom - PITCH) < 1:
                groups[-1].append(line)
            else:
                groups.append([line])
        for group in groups:
            widths = [sum(1 if ch.isascii() else 2 for ch in l.text) / 2 for l in group]
            figures["title lines (characters)"][tuple(widths)] += 1
            for line in group:
                middle = (line.x0 + line.x1) / 2
                if abs(middle - (LEFT + RIGHT) / 2) > 1:
                    problems.append(f"p{line.page}: the title line “{line.text}” is not centred ({middle:.1f} mm)")
            if len(group) > 1 and (max(widths) > 20 or min(widths) < max(widths) / 2):
                problems.append(f"p{page[0].page}: title lines of {widths} characters are not balanced: {[l.text for l in group]}")


def docx_text(docx_path):
    xml = zipfile.ZipFile(docx_path).read("word/document.xml").decode()
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    unescape = lambda t: t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
    return "".join(unescape(t) for t in texts)


def check_every_character(docx_path, pdf, problems):
    wanted = collections.Counter(ch for ch in docx_text(docx_path) if not ch.isspace())
    printed = collections.Counter(c["text"] for page in pdf.pages for c in page.chars)
    missing = wanted - printed
    if missing:
        problems.append(f"characters of the .docx missing from the PDF: {dict(missing)}")


def measure(docx_path, pdf_path):
    problems = []
    figures = collections.defaultdict(collections.Counter)
    with pdfplumber.open(pdf_path) as pdf:
        pages = lines_of(pdf)
        check_characters_per_line(pages, problems, figures)
        check_lines_per_page(pages, problems, figures)
        check_page_numbers(pdf_path, pages, problems, figures)
        check_attachments(pages, problems, figures)
        check_titles(pages, problems, figures)
        check_every_character(docx_path, pdf, problems)
    print(f"{docx_path}:")
    for name, counts in figures.items():
        print(f"  {name}: " + ", ".join(f"{k} ×{n}" for k, n in sorted(counts.items())))
    for problem in problems:
        print(f"  PROBLEM {problem}")
    return problems


def same(ours_path, theirs_path):
    with pdfplumber.open(ours_path) as ours, pdfplumber.open(theirs_path) as theirs:
        a = [(l.page, l.text, l.top, l.x0) for page in lines_of(ours) for l in page]
        b = [(l.page, l.text, l.top, l.x0) for page in lines_of(theirs) for l in page]
    problems = []
    for x, y in zip(a, b):
        if x[:2] != y[:2] or abs(x[2] - y[2]) > 0.5 or abs(x[3] - y[3]) > 0.5:
            problems.append(f"ours p{x[0]} {x[2]:.1f}/{x[3]:.1f} mm “{x[1]}”, theirs p{y[0]} {y[2]:.1f}/{y[3]:.1f} mm “{y[1]}”")
            break
    if len(a) != len(b):
        problems.append(f"{len(a)} lines in ours, {len(b)} in theirs")
    print(f"{theirs_path} against {ours_path}: {len(a)} lines, {'the same' if not problems else 'different'}")
    for problem in problems:
        print(f"  PROBLEM {problem}")
    return problems


def main(args):
    if args[:1] == ["--same"]:
        return 1 if same(args[1], args[2]) else 0
    if not args or len(args) % 2:
        print(__doc__)
        return 2
    problems = []
    for docx_path, pdf_path in zip(args[::2], args[1::2]):
        problems += measure(docx_path, pdf_path)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
