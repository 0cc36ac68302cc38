//! The rows of a long table page that are built: those in view in the panel that
//! scrolls around the table, and a few either side. A page of a hundred
//! stakeholders, each row's metrics changing with every analysis while a room
//! edits, was most of the projector's work (laying the rows out and painting them
//! took frames of over 100 ms); the rows out of view are stand-ins of their
//! height, so the scroll bar and the table's length stay as they were.
//!
//! Only where it pays: a page of a map that changes several times a second (in a
//! room) or of a big map. Elsewhere every row of the page is built, so that each
//! can be found by its name wherever it is on the page.
//!
//! Assistive technology still learns the whole table: the table says how many rows
//! it has (`aria-rowcount`) and each row which it is (`aria-rowindex`). The
//! keyboard reaches every row: a row Tab moves into is scrolled into view, which
//! builds the rows after it.

use super::workspace::Workspace;
use leptos::html::Tbody;
use leptos::prelude::*;
use std::ops::Range;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A page of this many rows or fewer is built whole (a small map's table, as
/// before; and every row of it is there to be found).
const WHOLE_UP_TO: usize = 40;
/// Rows built beyond the view on each side: room for a scroll between two frames,
/// and for the keyboard (five stops a row).
const BEYOND_VIEW: usize = 8;
/// A row's height until one is measured, in CSS pixels (a row of the drawer's
/// tables at the default type size).
const FIRST_GUESS_PX: f64 = 33.0;
/// What scrolls around a table: the drawer's body (also on a phone, where the
/// drawer is the sheet).
const SCROLLER: &str = ".drawer-body";

/// Which rows of a page to build, and the stand-ins' heights.
#[derive(Clone, Copy)]
pub struct RowsInView {
    /// The rows to build, as positions in the page, while [`Self::windowed`].
    pub range: ReadSignal<Range<usize>>,
    /// Only some rows are built: the stand-ins are wanted.
    pub windowed: Memo<bool>,
    row_px: ReadSignal<f64>,
    total: Signal<usize>,
}

impl RowsInView {
    /// The height of the stand-in for the rows before those built, in CSS pixels.
    pub fn before_px(self) -> String {
        px(self.range.with(|r| r.start) as f64 * self.row_px.get())
    }

    /// The height of the stand-in for the rows after those built.
    pub fn after_px(self) -> String {
        let after = self.total.get().saturating_sub(self.range.with(|r| r.end));
        px(after as f64 * self.row_px.get())
    }
}

/// A length in whole CSS pixels: formatting a float would bring the standard
/// library's float formatting into the download (6–9 KB gzip).
fn px(length: f64) -> String {
    format!("{}px", length.round() as i64)
}

/// Follows which of a page's `total` rows in `tbody` are in view, while `only_in_view`
/// (else all are built). While they are not all built, the body holds a stand-in
/// row first and last (see [`RowsInView::before_px`]), the rows built between them.
pub fn rows_in_view(tbody: NodeRef<Tbody>, total: Signal<usize>, only_in_view: Signal<bool>) -> RowsInView {
    let windowed = Memo::new(move |_| only_in_view.get() && total.get() > WHOLE_UP_TO);
    // Until the first measure, the first rows (a page opens at its top).
    let range = RwSignal::new(0..WHOLE_UP_TO);
    let row_px = RwSignal::new(FIRST_GUESS_PX);
    let measure = move || {
        let Some(body) = tbody.get_untracked().filter(|_| windowed.get_untracked()) else { return };
        let (now, px) = in_view(&body, total.get_untracked(), row_px.get_untracked());
        if row_px.get_untracked() != px {
            row_px.set(px);
        }
        if range.with_untracked(|r| *r != now) {
            range.set(now);
        }
    };
    // One measure a frame, however many scroll events come in it.
    let pending = StoredValue::new(false);
    let soon = move || {
        if !pending.try_update_value(|p| std::mem::replace(p, true)).unwrap_or(true) {
            request_animation_frame(move || {
                pending.set_value(false);
                measure();
            });
        }
    };
    // Again when the page's rows, the drawer's height or the window change.
    let workspace = expect_context::<Workspace>();
    Effect::new(move |_| {
        total.track();
        windowed.track();
        workspace.drawer_px.track();
        tbody.track();
        soon();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| soon());
    // The scroll of the panel around the table (scroll events do not bubble).
    let listening: Listening = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(scroller) = tbody.get().and_then(|b| b.closest(SCROLLER).ok().flatten()) else { return };
        let on_scroll = Closure::<dyn FnMut()>::new(soon);
        if scroller.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref()).is_ok() {
            stop_listening(listening);
            listening.set_value(Some((scroller, on_scroll)));
        }
    });
    on_cleanup(move || {
        resize.remove();
        stop_listening(listening);
    });
    RowsInView { range: range.read_only(), windowed, row_px: row_px.read_only(), total }
}

/// The panel whose scroll is followed, and what follows it.
type Listening = StoredValue<Option<(web_sys::Element, Closure<dyn FnMut()>)>, LocalStorage>;

fn stop_listening(listening: Listening) {
    if let Some((scroller, on_scroll)) = listening.try_update_value(Option::take).flatten() {
        let _ = scroller.remove_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
    }
}

/// The rows of `total` to build given where `body` is in its scrolling panel, and
/// a row's height as measured (`row_px` until a row is there to measure).
fn in_view(body: &web_sys::HtmlTableSectionElement, total: usize, row_px: f64) -> (Range<usize>, f64) {
    let Some(scroller) = body.closest(SCROLLER).ok().flatten() else { return (0..total, row_px) };
    // The built rows lie between the two stand-ins.
    let rows = body.children();
    let built = rows.length().saturating_sub(2);
    let px = match (rows.item(1), rows.item(built)) {
        (Some(first), Some(last)) if built > 0 => {
            let height = last.get_bounding_client_rect().bottom() - first.get_bounding_client_rect().top();
            if height > 0.0 {
                height / f64::from(built)
            } else {
                row_px
            }
        }
        _ => row_px,
    };
    // How far the view's top is below the body's top, and the view's height.
    let from_top = scroller.get_bounding_client_rect().top() - body.get_bounding_client_rect().top();
    let view_px = f64::from(scroller.client_height());
    (simpul::pages::rows_between(from_top, from_top + view_px, px, BEYOND_VIEW, total), px)
}
