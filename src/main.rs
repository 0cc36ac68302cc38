//! The web app's entry point; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    simpul::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("simpul-web is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
