//! The handle on a panel's inner edge that resizes it: drag it, or focus it and
//! press the arrow keys (Home gives the panel its default size back). The size
//! goes to a CSS custom property the shell's grid reads.

use super::state::AppState;
use super::workspace::{Panel, Workspace};
use leptos::prelude::*;
use simpul::i18n::Text;

/// How far one arrow key moves the edge, in CSS pixels.
const KEY_STEP_PX: u32 = 24;

#[component]
pub fn Splitter(panel: Panel) -> impl IntoView {
    let state = expect_context::<AppState>();
    let workspace = expect_context::<Workspace>();
    let size = workspace.size(panel);
    let (min, max) = panel.range();
    let dragging = StoredValue::new(false);
    // The panel's size as shown now, read from the page when no drag set one.
    let current = move || size.get_untracked().unwrap_or_else(|| shown_size(panel));
    let set = move |px: f64| {
        // Clamped as an integer: `f64::clamp`'s check would bring float printing into the download.
        let px = (px.max(0.0).round() as u32).clamp(min, max);
        size.set(Some(px));
    };
    // The size the pointer at (x, y) on the screen gives the panel.
    let from_pointer = move |x: f64, y: f64| {
        let (w, h) = window_size();
        match panel {
            Panel::Library => x,
            Panel::Side => w - x,
            Panel::Drawer => h - y,
        }
    };
    let label = match panel {
        Panel::Library => Text::ResizeLibrary,
        Panel::Side => Text::ResizeSide,
        Panel::Drawer => Text::ResizeDrawer,
    };
    let orientation = if panel == Panel::Drawer { "horizontal" } else { "vertical" };
    view! {
        <div
            class=format!("splitter splitter-{}", panel.property().trim_start_matches("--"))
            role="separator"
            tabindex="0"
            aria-orientation=orientation
            aria-label=state.tr(label)
            aria-valuemin=min.to_string()
            aria-valuemax=max.to_string()
            // Before the first layout the page has no size to read: the range's low end.
            aria-valuenow=move || size.get().unwrap_or_else(|| shown_size(panel)).clamp(min, max).to_string()
            on:pointerdown=move |e| {
                if e.button() != 0 {
                    return;
                }
                e.prevent_default();
                dragging.set_value(true);
                if let Some(handle) = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                    let _ = handle.set_pointer_capture(e.pointer_id());
                }
            }
            on:pointermove=move |e| {
                if dragging.get_value() {
                    set(from_pointer(f64::from(e.client_x()), f64::from(e.client_y())));
                }
            }
            on:pointerup=move |_| dragging.set_value(false)
            on:pointercancel=move |_| dragging.set_value(false)
            on:dblclick=move |_| size.set(None)
            on:keydown=move |e| {
                // Growing is away from the panel's outer edge of the window.
                let grow = match (panel, e.key().as_str()) {
                    (Panel::Library, "ArrowRight") | (Panel::Side, "ArrowLeft") | (Panel::Drawer, "ArrowUp") => 1.0,
                    (Panel::Library, "ArrowLeft") | (Panel::Side, "ArrowRight") | (Panel::Drawer, "ArrowDown") => -1.0,
                    (_, "Home") => {
                        e.prevent_default();
                        size.set(None);
                        return;
                    }
                    _ => return,
                };
                e.prevent_default();
                set(f64::from(current()) + grow * f64::from(KEY_STEP_PX));
            }
        ></div>
    }
}

fn window_size() -> (f64, f64) {
    let Some(window) = web_sys::window() else { return (0.0, 0.0) };
    let read = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    (read(window.inner_width()), read(window.inner_height()))
}

/// The panel's size on the page now, in CSS pixels (its default follows the window).
fn shown_size(panel: Panel) -> u32 {
    let selector = match panel {
        Panel::Library => ".library",
        Panel::Side => ".side",
        Panel::Drawer => ".drawer",
    };
    let element =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    element.map_or(0, |e| {
        let rect = e.get_bounding_client_rect();
        (if panel == Panel::Drawer { rect.height() } else { rect.width() }).round() as u32
    })
}
