//! The page's binary keeps its relocations when built for the browser:
//! `scripts/page.mjs` needs them to split the page into the parts fetched when
//! first used. Only that binary's link changes; the library and the workers are
//! built as before.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=simpul-web=--emit-relocs");
    }
}
