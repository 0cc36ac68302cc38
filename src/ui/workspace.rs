//! How the workspace is arranged around the map: which panels are open, how large
//! they are, which tab the drawer and the phone's bottom sheet show, and whether
//! the legend is on. Remembered per browser, so a facilitator's arrangement
//! survives a reload; written only when the user changes it.

use leptos::prelude::*;
use simpul::storage::browser::BrowserStore;

const PREFS_KEY: &str = "simpul.workspace";

/// Below this window width the maps library starts as an icon rail, so that the
/// picture keeps at least half of the window beside the findings and the open
/// tables (PRODUCT.md §5). With the panels' default sizes (style/tokens.css) an
/// open library leaves the picture 51% of 1920×1080 but 47% of 1680×1050.
const LIBRARY_OPEN_FROM_PX: f64 = 1920.0;

/// The tables in the bottom drawer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrawerTab {
    Stakeholders,
    Links,
    Sectors,
}

/// What the phone's one bottom sheet shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetTab {
    Add,
    Findings,
    Inspector,
    Tables,
    Maps,
}

impl SheetTab {
    pub const ALL: [SheetTab; 5] =
        [SheetTab::Add, SheetTab::Findings, SheetTab::Inspector, SheetTab::Tables, SheetTab::Maps];

    pub fn code(self) -> &'static str {
        match self {
            SheetTab::Add => "add",
            SheetTab::Findings => "findings",
            SheetTab::Inspector => "inspector",
            SheetTab::Tables => "tables",
            SheetTab::Maps => "maps",
        }
    }
}

/// A panel whose size the user can drag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Library,
    Side,
    Drawer,
}

impl Panel {
    /// The CSS custom property the shell's grid reads for this panel's size.
    pub fn property(self) -> &'static str {
        match self {
            Panel::Library => "--library-w",
            Panel::Side => "--side-w",
            Panel::Drawer => "--drawer-h",
        }
    }

    /// The sizes a drag may give it, in CSS pixels.
    pub fn range(self) -> (u32, u32) {
        match self {
            Panel::Library => (180, 420),
            Panel::Side => (260, 640),
            Panel::Drawer => (120, 720),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Panel::Library => "library-w",
            Panel::Side => "side-w",
            Panel::Drawer => "drawer-h",
        }
    }
}

#[derive(Clone, Copy)]
pub struct Workspace {
    pub library_open: RwSignal<bool>,
    /// The findings and inspector beside the picture; folded, they are a rail and
    /// the picture takes their width.
    pub side_open: RwSignal<bool>,
    pub drawer_open: RwSignal<bool>,
    pub legend: RwSignal<bool>,
    /// Stakeholders filled by their community instead of their kind (on the
    /// picture, in its legend and in the exported pictures).
    pub by_community: RwSignal<bool>,
    /// Sizes dragged by the user, in CSS pixels; `None` keeps the default, which
    /// follows the window.
    pub library_px: RwSignal<Option<u32>>,
    pub side_px: RwSignal<Option<u32>>,
    pub drawer_px: RwSignal<Option<u32>>,
    pub drawer_tab: RwSignal<DrawerTab>,
    pub sheet: RwSignal<SheetTab>,
}

impl Workspace {
    /// The arrangement remembered in this browser, or the defaults for this window.
    pub fn load() -> Self {
        let saved = BrowserStore::setting(PREFS_KEY).unwrap_or_default();
        let pref = |key: &str| {
            saved.split(';').find_map(|pair| pair.strip_prefix(key)?.strip_prefix('=')).map(str::to_string)
        };
        let flag = |key: &str, default: bool| pref(key).map_or(default, |v| v == "1");
        let size = |panel: Panel| {
            let (min, max) = panel.range();
            pref(panel.key()).and_then(|v| v.parse::<u32>().ok()).map(|v| v.clamp(min, max))
        };
        let wide =
            web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(0.0)
                >= LIBRARY_OPEN_FROM_PX;
        let workspace = Self {
            library_open: RwSignal::new(flag("library", wide)),
            side_open: RwSignal::new(flag("side", true)),
            drawer_open: RwSignal::new(flag("drawer", true)),
            legend: RwSignal::new(flag("legend", true)),
            by_community: RwSignal::new(flag("community", false)),
            library_px: RwSignal::new(size(Panel::Library)),
            side_px: RwSignal::new(size(Panel::Side)),
            drawer_px: RwSignal::new(size(Panel::Drawer)),
            drawer_tab: RwSignal::new(DrawerTab::Stakeholders),
            sheet: RwSignal::new(SheetTab::Findings),
        };
        workspace.remember_changes();
        workspace
    }

    /// Each stakeholder's fill by community when the picture is coloured so, as
    /// the last analysis found them; read in a view or effect, it follows both.
    pub fn community_fill(self, state: super::state::AppState) -> Option<simpul::drawing::CommunityFill> {
        self.by_community
            .get()
            .then(|| state.analysis.with(|a| simpul::drawing::CommunityFill::from_metrics(&a.metrics)))
    }

    /// Whether the table behind `tab` can be seen: the drawer open (or, on a phone,
    /// its sheet turned to the tables) at that tab, as the drawer's `hidden`
    /// attributes and the phone's style sheet show it.
    pub fn table_in_sight(self, tab: DrawerTab) -> Signal<bool> {
        let in_sight = Memo::new(move |_| {
            (self.drawer_open.get() || self.sheet.get() == SheetTab::Tables) && self.drawer_tab.get() == tab
        });
        in_sight.into()
    }

    pub fn size(self, panel: Panel) -> RwSignal<Option<u32>> {
        match panel {
            Panel::Library => self.library_px,
            Panel::Side => self.side_px,
            Panel::Drawer => self.drawer_px,
        }
    }

    /// Writes the arrangement whenever the user changes it (the first run only
    /// learns what to follow). A full or blocked storage only loses the
    /// arrangement, never a map: it is not worth a notice.
    fn remember_changes(self) {
        Effect::new(move |first: Option<()>| {
            let bit = |on: bool| if on { "1" } else { "0" };
            let mut text = format!(
                "library={};side={};drawer={};legend={};community={}",
                bit(self.library_open.get()),
                bit(self.side_open.get()),
                bit(self.drawer_open.get()),
                bit(self.legend.get()),
                bit(self.by_community.get())
            );
            for panel in [Panel::Library, Panel::Side, Panel::Drawer] {
                if let Some(px) = self.size(panel).get() {
                    text.push_str(&format!(";{}={px}", panel.key()));
                }
            }
            if first.is_some() {
                BrowserStore::keep_setting(PREFS_KEY, &text);
            }
        });
    }
}
