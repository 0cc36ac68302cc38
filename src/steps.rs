//! Long work in steps: a job that would hold the page for more than a frame is cut
//! into steps, with a pause between them (in the page, the next task, so the browser
//! paints and handles input meanwhile). Parsing, checking and writing a big map all
//! go through [`in_steps`]; the pause is a parameter so that the core stays free of
//! the browser and its tests can count the steps.

use std::future::Future;

/// Awaits `pause()`, then runs `step`, until `step` says it is done (returns true).
/// `step` runs at least once.
pub async fn in_steps<P: Future<Output = ()>>(mut pause: impl FnMut() -> P, mut step: impl FnMut() -> bool) {
    loop {
        pause().await;
        if step() {
            break;
        }
    }
}
