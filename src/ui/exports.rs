//! "More exports": the map for other tools (GraphML, CSV tables) and the network
//! picture as SVG or PNG, all made in the browser from the pure `format` and
//! `drawing` modules.

use super::canvas::{self, Layer, Overlay};
use super::state::{AppState, Notice};
use super::web;
use super::workspace::Workspace;
use leptos::prelude::*;
use simpul::drawing::slices::Part;
use simpul::drawing::{picture_bounds, CommunityFill, Emphasis, Viewport};
use simpul::export::ExportKind;
use simpul::format::file_stem;
use simpul::i18n::{Lang, Text};
use simpul::layout::MapLayout;
use simpul::model::Map;
use simpul::storage::StorageProblem;

/// The largest PNG side browsers draw reliably, and the largest area (pixels).
const MAX_PNG_SIDE: f64 = 16_000.0;
const MAX_PNG_AREA: f64 = 64_000_000.0;

#[derive(Clone, Copy)]
enum Export {
    Graphml,
    Gexf,
    StakeholdersCsv,
    LinksCsv,
    KumuBlueprint,
    Svg,
    Png,
}

/// The export buttons, in the order shown.
const EXPORTS: &[(Text, Export)] = &[
    (Text::ExportGraphml, Export::Graphml),
    (Text::ExportGexf, Export::Gexf),
    (Text::ExportStakeholdersCsv, Export::StakeholdersCsv),
    (Text::ExportLinksCsv, Export::LinksCsv),
    (Text::ExportKumu, Export::KumuBlueprint),
    (Text::ExportSvg, Export::Svg),
    (Text::ExportPng, Export::Png),
];

/// PNG scales: (option value, label); the second is chosen at first.
const PNG_SCALES: &[(&str, Text)] =
    &[("1", Text::PngScaleScreen), ("2", Text::PngScaleSlides), ("4", Text::PngScalePoster)];

#[component]
pub fn MoreExports() -> impl IntoView {
    let state = expect_context::<AppState>();
    let workspace = expect_context::<Workspace>();
    let legend = move || workspace.legend.get_untracked().then(|| state.lang.get_untracked());

    let png_scale = RwSignal::new(2.0_f64);
    let has_map = move || state.doc.with(Option::is_some);
    // Built from tables, so that the buttons share one rendering (each distinct
    // view costs download).
    let buttons = EXPORTS
        .iter()
        .map(|&(label, export)| {
            view! {
                <button type="button" disabled=move || !has_map() on:click=move |_| save(state, export, png_scale.get_untracked(), legend(), workspace)>
                    {state.tr(label)}
                </button>
            }
        })
        .collect_view();
    let scales = PNG_SCALES
        .iter()
        .map(|&(value, label)| view! { <option value=value selected=value == "2">{state.tr(label)}</option> })
        .collect_view();
    view! {
        <details class="more-exports">
            <summary>{state.tr(Text::MoreExports)}</summary>
            <p class="hint small">{state.tr(Text::ExportsHelp)}</p>
            <div class="export-buttons">
                {buttons}
                <label class="png-scale">
                    <span>{state.tr(Text::PngScale)}</span>
                    <select on:change=move |e| png_scale.set(scale_of(&event_target_value(&e)))>{scales}</select>
                </label>
            </div>
        </details>
    }
}

/// The chosen PNG scale. Matched, not parsed: parsing floats costs 10 KB of download.
fn scale_of(value: &str) -> f64 {
    match value {
        "1" => 1.0,
        "4" => 4.0,
        _ => 2.0,
    }
}

/// Downloads `export` of the open map. The files for other tools and the SVG are
/// written in the background worker (`export`); the PNG is painted here, by the
/// canvas painter. `legend`: the language of the legend drawn beside an exported
/// picture, if it is shown on the map; the picture's stakeholders are coloured
/// by community if they are on the map (`workspace`).
fn save(state: AppState, export: Export, png_scale: f64, legend: Option<Lang>, workspace: Workspace) {
    let by_community = workspace.by_community.get_untracked();
    let map = state.map.get_untracked();
    let stem = file_stem(&map);
    let (kind, name, mime) = match export {
        Export::Graphml => (ExportKind::Graphml, format!("{stem}.graphml"), "application/graphml+xml"),
        Export::Gexf => (ExportKind::Gexf, format!("{stem}.gexf"), "application/gexf+xml"),
        Export::StakeholdersCsv => {
            (ExportKind::StakeholdersCsv, format!("{stem} - stakeholders.csv"), "text/csv")
        }
        Export::LinksCsv => (ExportKind::LinksCsv, format!("{stem} - links.csv"), "text/csv"),
        Export::KumuBlueprint => {
            (ExportKind::KumuBlueprint, format!("{stem} - kumu.json"), "application/json")
        }
        Export::Svg => (ExportKind::Svg { legend, by_community }, format!("{stem}.svg"), "image/svg+xml"),
        Export::Png => {
            let fill = untrack(|| workspace.community_fill(state)).map(std::rc::Rc::new);
            let saved = png_data_url(&map, png_scale, legend, fill)
                .and_then(|url| web::download_url(&format!("{stem}.png"), &url));
            if let Err(detail) = saved {
                state.notify(Notice::Storage(StorageProblem::Failed(detail)));
            }
            return;
        }
    };
    leptos::task::spawn_local(async move {
        let request = simpul::export::request(kind, &super::state::encode_in_steps(&map).await);
        let saved = match web::export_in_worker(&request).await {
            Ok(file) if !file.is_empty() => web::download(&name, mime, &file),
            Ok(_) => Err(String::from("the export could not be written")),
            Err(reason) => Err(reason),
        };
        if let Err(detail) = saved {
            state.notify(Notice::Storage(StorageProblem::Failed(detail)));
        }
    });
}

/// The picture painted by the canvas painter onto an off-screen canvas, one world
/// unit to `scale` pixels (smaller if the image would be too large for the browser),
/// on white.
fn png_data_url(
    map: &Map,
    scale: f64,
    legend: Option<Lang>,
    fill: Option<std::rc::Rc<CommunityFill>>,
) -> Result<String, String> {
    const MARGIN: f64 = 40.0;
    let layout = MapLayout::settled(map);
    let bounds = picture_bounds(map, &layout);
    let (picture_w, picture_h) =
        (bounds.max.x - bounds.min.x + 2.0 * MARGIN, bounds.max.y - bounds.min.y + 2.0 * MARGIN);
    // The legend goes to the right of the picture, as in the SVG export.
    let (w, h) = match legend {
        Some(lang) => (
            picture_w + simpul::drawing::legend::BLOCK_W + MARGIN / 2.0,
            picture_h.max(simpul::drawing::legend::block_height(map, lang, fill.as_deref()) + MARGIN),
        ),
        None => (picture_w, picture_h),
    };
    let scale = scale.min(MAX_PNG_SIDE / w.max(h)).min((MAX_PNG_AREA / (w * h)).sqrt()).max(0.01);
    let image = web::new_canvas().ok_or("no canvas")?;
    image.set_width((w * scale).ceil() as u32);
    image.set_height((h * scale).ceil() as u32);
    let ctx = web::context_2d(&image).ok_or("no 2D context")?;
    let mut viewport = Viewport::new(picture_w, picture_h);
    viewport.center_in_world = simpul::model::PosInWorld {
        x: (bounds.min.x + bounds.max.x) / 2.0,
        y: (bounds.min.y + bounds.max.y) / 2.0,
    };
    let overlay = Overlay {
        selected: None,
        link_from: None,
        link_to_in_world: None,
        shown: simpul::drawing::reveal::Shown::ALL,
        theme: &canvas::Theme::PAGE,
        sketch: false,
        communities: fill.clone(),
    };
    canvas::paint(
        &ctx,
        scale,
        map,
        &layout,
        &viewport,
        &Emphasis::default(),
        &overlay,
        Layer::All,
        &Part::WHOLE,
    );
    if let Some(lang) = legend {
        let _ = ctx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
        canvas::paint_legend(&ctx, map, lang, fill.as_deref(), picture_w, MARGIN / 2.0);
    }
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    let _ = ctx.set_global_composite_operation("destination-over");
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(image.width()), f64::from(image.height()));
    image.to_data_url().map_err(|e| simpul::storage::browser::describe(&e))
}
