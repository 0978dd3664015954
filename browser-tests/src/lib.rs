//! The workbench's browser tests live in `tests/`: each starts the real
//! `zongjie serve` on a copy of an example, drives headless Chromium
//! through chromedriver and checks what a clerk relies on. This library
//! is empty; it is here because a package needs a target.
