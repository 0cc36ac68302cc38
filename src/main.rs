//! The web app: the page's views (`ui`) over the library's core. The views live in
//! this binary rather than in the library, so that the background and room workers,
//! which link the library too, carry none of them.

#[cfg(target_arch = "wasm32")]
mod ui;

/// Talc in place of the standard allocator (dlmalloc): 0.9 KB gzip less of the
/// first download.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("simpul-web is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
