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

/// Declares a part: `part!(chunk, fn name(arg: Type, …) => view)`. The chunk's
/// name groups parts that are used together into one fetch. Its function is
/// async and gives `Result<AnyView, Unfetched>`; show it with [`when_fetched`].
macro_rules! part {
    ($chunk:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) => $view:expr) => {
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<leptos::prelude::AnyView, crate::ui::on_demand::Unfetched> {
            Ok(leptos::prelude::IntoAny::into_any($view))
        }
    };
}
pub(crate) use part;

/// Shows a part once its code has come; nothing meanwhile (a fetch of a few
/// kilobytes), and a message that says what to do if it cannot come. Calling
/// the part again, as reopening it does, tries again.
pub fn when_fetched(
    part: impl std::future::Future<Output = Result<AnyView, Unfetched>> + Send + 'static,
) -> impl IntoView {
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
