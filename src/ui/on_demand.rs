//! Parts of the page whose code is fetched the first time they are shown, so that
//! the first download holds what the first map needs and little else (PRODUCT.md
//! §6). A part is a function marked with [`part!`]; `scripts/page.mjs` splits the
//! page's WebAssembly at each one into a chunk of its own, which the browser
//! fetches on the part's first call (and the service worker keeps for offline use).

use super::state::AppState;
use leptos::prelude::*;
use simpul::i18n::Text;

/// A part's code could not be fetched: a first visit whose network went away.
pub struct Unfetched;

impl From<leptos::wasm_split::SplitLoaderError> for Unfetched {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unfetched
    }
}

/// Declares a part. The chunk's name groups parts that are used together into
/// one fetch; the function declared is async.
/// - `part!(chunk, fn name(arg: Type, …) => view)` gives
///   `Result<AnyView, Unfetched>`: show it with [`when_fetched`];
/// - `part!(chunk, fn name(arg: Type, …) { statements })` runs the statements
///   (which may `return` early) and gives `Result<(), Unfetched>`;
/// - `part!(chunk, fn name(arg: Type, …) -> T { statements })` gives
///   `Result<T, Unfetched>`.
macro_rules! part {
    ($chunk:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) => $view:expr) => {
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<leptos::prelude::AnyView, crate::ui::on_demand::Unfetched> {
            Ok(leptos::prelude::IntoAny::into_any($view))
        }
    };
    ($chunk:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        // The closure lets the body `return` early.
        #[allow(clippy::redundant_closure_call)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, crate::ui::on_demand::Unfetched> {
            Ok((move || -> $ret { $body })())
        }
    };
    ($chunk:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        // The closure lets the body `return` early.
        #[allow(clippy::redundant_closure_call)]
        $vis fn $name($($arg: $ty),*) -> Result<(), crate::ui::on_demand::Unfetched> {
            (move || $body)();
            Ok(())
        }
    };
}
pub(crate) use part;

/// True from the first time `now` is true: a part shown from then on is fetched
/// once and kept (the library's list, workshop mode), not built again each time.
pub fn kept_once(now: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || now())
}

/// A part's view as it comes.
type Coming = std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, Unfetched>> + Send>>;

/// Shows a part once its code has come; nothing meanwhile, and a message that says
/// what to do if it cannot come. Calling the part again, as reopening it does,
/// tries again.
pub fn when_fetched(
    part: impl std::future::Future<Output = Result<AnyView, Unfetched>> + Send + 'static,
) -> impl IntoView {
    shown_when_fetched(Box::pin(part))
}

/// [`when_fetched`] for every part alike: one copy of the waiting view's code in
/// the download rather than one per part.
#[inline(never)]
fn shown_when_fetched(part: Coming) -> Suspend<AnyView> {
    Suspend::new(async move {
        match part.await {
            Ok(view) => view,
            Err(Unfetched) => {
                let state = expect_context::<AppState>();
                view! { <p class="unfetched" role="alert">{state.tr(Text::PartUnfetched)}</p> }.into_any()
            }
        }
    })
}
