//! The workbench's edit-to-preview time at the server (`cargo bench --bench
//! workbench`): 200 edits of the largest example, each as the page makes
//! it when a figure is changed in the table (`POST /api/edit`, then
//! `POST /api/render` of the edited text) and each as typing in the YAML
//! tab makes it (`POST /api/render` alone), through the whole router in
//! process. Prints the median and the 95th percentile of each; the target
//! is 50 ms at the 95th.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, header};
use serde_json::{Value, json};
use tower::ServiceExt;

const PORT: u16 = 48124;
const TOKEN: &str = "bench";
const EDITS: usize = 200;

fn main() {
    let folder = tempfile::tempdir().expect("a folder");
    let app = zongjie::workbench_test_app(folder.path(), PORT, TOKEN).expect("the app");
    let router = zongjie::workbench_router(app);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/nested-summary.yaml");
    let mut text = std::fs::read_to_string(example).expect("the example");
    let post = |uri: &str, body: Value| {
        let request = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(header::HOST, format!("127.0.0.1:{PORT}"))
            .header("x-zongjie-token", TOKEN)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("a request");
        let router = router.clone();
        runtime.block_on(async move {
            let response = router.oneshot(request).await.expect("an answer");
            assert!(response.status().is_success(), "{}", response.status());
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .expect("the body");
            serde_json::from_slice::<Value>(&bytes).expect("JSON")
        })
    };
    let mut table_edits = Vec::with_capacity(EDITS);
    for n in 0..EDITS {
        let started = Instant::now();
        let edit = json!({ "op": "set_figure", "name": "援助受理", "field": "value", "value": (1500 + n).to_string() });
        let edited = post("/api/edit", json!({ "text": text, "edit": edit }));
        text = edited["text"].as_str().expect("text").to_string();
        let shown = post("/api/render", json!({ "text": text }));
        assert_eq!(shown["ok"], true);
        table_edits.push(started.elapsed());
    }
    let mut typed = Vec::with_capacity(EDITS);
    for n in 0..EDITS {
        let started = Instant::now();
        let edited = text.replacen("主动作为", &format!("主动作为{}", "，".repeat(n % 2)), 1);
        let shown = post("/api/render", json!({ "text": edited }));
        assert_eq!(shown["ok"], true);
        typed.push(started.elapsed());
    }
    report(
        "a figure changed in the table (edit + render)",
        &mut table_edits,
    );
    report("typing in the YAML tab (render)", &mut typed);
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let at =
        |share: f64| times[((times.len() as f64 * share).ceil() as usize).min(times.len()) - 1];
    println!(
        "{what}: median {:.1} ms, p95 {:.1} ms, slowest {:.1} ms over {} edits",
        millis(at(0.5)),
        millis(at(0.95)),
        millis(times[times.len() - 1]),
        times.len()
    );
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
