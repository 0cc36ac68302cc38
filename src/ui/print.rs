//! The print layout: the map on A4 or A3 landscape paper with its title, the
//! network picture, the findings and the stakeholders table. It opens as a preview
//! over the page; printing then prints the sheet alone (`@media print` in
//! style/print.css), on the paper chosen (named `@page`s).

use super::on_demand::{part, when_fetched};
use super::paper::Paper;
use super::state::AppState;
use super::web;
use super::web::append_text as add;
use leptos::prelude::*;
use simpul::analysis::findings::Severity;
use simpul::analysis::Analysis;
use simpul::export::ExportKind;
use simpul::i18n::{vocabulary, Lang, Text};
use simpul::model::Map;

/// Findings printed per severity; the rest are counted.
const FIRST_PRINTED: usize = 250;

#[component]
pub fn PrintPreview() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || state.print.with(Option::is_some).then(|| when_fetched(print_sheet()))}
    }
}

part!(print, fn print_sheet() => view! { <PrintSheet/> });

#[component]
fn PrintSheet() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The picture is drawn once, as the preview opens: an image of the SVG export
    // (written by the background worker), in which names are escaped text.
    let picture_url = RwSignal::new(None::<String>);
    let map = state.map.get_untracked();
    let legend = Some(state.lang.get_untracked());
    // Coloured as the picture on the map is.
    let by_community = expect_context::<super::workspace::Workspace>().by_community.get_untracked();
    leptos::task::spawn_local(async move {
        let kind = ExportKind::Svg { legend, by_community };
        let request = simpul::export::request(kind, &super::state::encode_in_steps(&map).await);
        if let Ok(picture) = web::export_in_worker(&request).await {
            // The preview may have closed meanwhile.
            let _ = picture_url.try_set(web::object_url(&picture, "image/svg+xml"));
        }
    });
    on_cleanup(move || {
        if let Some(url) = picture_url.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let close = move || state.print.set(None);
    web::focus_by_id("print-now");
    // Escape closes the preview wherever the focus is.
    let escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" {
            close();
        }
    });
    on_cleanup(move || escape.remove());

    // The sheet is a document, not a view: it is built as plain elements, text set
    // as text, and rebuilt when the map, its analysis or the language changes.
    // (Built as Leptos views it cost 9 KB of download; this way, about 2.)
    let sheet = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |_| {
        let lang = state.lang.get();
        let Some(sheet) = sheet.get() else { return };
        sheet.set_text_content(None);
        state.content.with(|m| state.analysis.with(|a| fill_sheet(&sheet, m, a, lang)));
        if let Some(url) = picture_url.get() {
            if let Some(img) = sheet.query_selector("img").ok().flatten() {
                let _ = img.set_attribute("src", &url);
            }
        }
    });
    view! {
        <div class="print-preview" role="dialog" aria-modal="true" aria-labelledby="print-heading">
            <div class="print-toolbar">
                <h2 id="print-heading">{state.tr(Text::PrintLayout)}</h2>
                <label>
                    <span>{state.tr(Text::Paper)}</span>
                    <select on:change=move |e| state.print.set(Some(if event_target_value(&e) == "a3" { Paper::A3 } else { Paper::A4 }))>
                        // The preview always opens on A4.
                        <option value="a4">{state.tr(Text::PaperA4)}</option>
                        <option value="a3">{state.tr(Text::PaperA3)}</option>
                    </select>
                </label>
                <button id="print-now" class="primary" on:click=move |_| web::print()>{state.tr(Text::PrintNow)}</button>
                <button on:click=move |_| close()>{state.tr(Text::Close)}</button>
            </div>
            <article class="print-sheet" class:a3=move || state.print.get() == Some(Paper::A3) node_ref=sheet></article>
        </div>
    }
}

/// The sheet: title, summary, picture, findings by severity, stakeholders table.
fn fill_sheet(sheet: &web_sys::Element, map: &Map, analysis: &Analysis, lang: Lang) -> Option<()> {
    let header = add(sheet, "header", "")?;
    add(&header, "h1", &map.title)?;
    add(&header, "p", &map.description)?;
    let summary = format!(
        "{} · {} · {}",
        Text::stakeholder_count(map.stakeholders.len(), lang),
        Text::LinkCount.get(lang).replace("{}", &map.links.len().to_string()),
        Text::SectorCount.get(lang).replace("{}", &map.sectors.len().to_string()),
    );
    add(&header, "p", &summary)?.set_class_name("print-summary");
    let picture = add(&add(sheet, "figure", "")?, "img", "")?;
    let _ = picture.set_attribute("alt", Text::PrintPictureAlt.get(lang));

    let findings = add(sheet, "section", "")?;
    findings.set_class_name("print-findings");
    add(&findings, "h2", Text::FindingsHeading.get(lang))?;
    // Many findings are first said in short, as the Findings panel opens.
    if analysis.findings.len() > simpul::analysis::thresholds::GROUP_ABOVE {
        let summary = add(&findings, "div", "")?;
        summary.set_class_name("print-findings-summary");
        add(&summary, "h3", Text::FindingsSummary.get(lang))?;
        let list = add(&summary, "ul", "")?;
        for headline in &analysis.summary {
            let first = analysis.findings.iter().find(|f| headline.covers(f));
            let item = add(&list, "li", "")?;
            add(
                &item,
                "strong",
                &format!("{} · ", Text::get(super::findings::severity_heading(headline.severity()), lang)),
            )?;
            add(&item, "span", &headline.say(first, map, lang))?;
        }
    }
    for severity in Severity::ALL {
        let mut all = analysis.findings.iter().filter(|f| f.severity == severity).peekable();
        if all.peek().is_none() {
            continue;
        }
        add(&findings, "h3", Text::get(super::findings::severity_heading(severity), lang))?;
        let list = add(&findings, "ol", "")?;
        let mut more = 0_usize;
        for (n, finding) in all.enumerate() {
            if n >= FIRST_PRINTED {
                more += 1;
                continue;
            }
            let e = finding.explain(map, lang);
            let item = add(&list, "li", "")?;
            add(&item, "strong", &e.title)?;
            add(&item, "span", &format!(" {} ", e.message))?;
            add(&item, "em", &format!("{} {}", Text::Suggestion.get(lang), e.action))?;
        }
        if more > 0 {
            add(&findings, "p", &Text::MoreNotPrinted.get(lang).replace("{}", &more.to_string()))?;
        }
    }

    let section = add(sheet, "section", "")?;
    section.set_class_name("print-table");
    add(&section, "h2", Text::StakeholdersHeading.get(lang))?;
    let table = add(&section, "table", "")?;
    table.set_class_name("data");
    let head = add(&add(&table, "thead", "")?, "tr", "")?;
    for text in [
        Text::Name,
        Text::Kind,
        Text::Sectors,
        Text::Power,
        Text::Interest,
        Text::Stance,
        Text::Quadrant,
        Text::Betweenness,
    ] {
        let _ = add(&head, "th", text.get(lang))?.set_attribute("scope", "col");
    }
    let body = add(&table, "tbody", "")?;
    for (s, metrics) in map.stakeholders.iter().zip(&analysis.metrics) {
        let row = add(&body, "tr", "")?;
        let _ = add(&row, "th", &s.name)?.set_attribute("scope", "row");
        let sectors = s
            .sectors
            .iter()
            .filter_map(|id| map.sector(id))
            .map(|x| x.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        for (column, cell) in [
            vocabulary::stakeholder_kind(s.kind, lang),
            &sectors,
            &s.power.get().to_string(),
            &s.interest.get().to_string(),
            vocabulary::stance(s.stance.get(), lang),
            metrics.quadrant.label(lang),
            &web::fixed(metrics.betweenness, 3),
        ]
        .into_iter()
        .enumerate()
        {
            let td = add(&row, "td", cell)?;
            if matches!(column, 2 | 3 | 6) {
                td.set_class_name("num");
            }
        }
    }
    Some(())
}
