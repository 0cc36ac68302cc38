//! *Compare versions* (File menu): takes a named snapshot of the open map, and
//! compares the open map with a snapshot, an earlier version, another stored map
//! or a map file. The comparison is made in the background worker
//! (`analysis::compare`); its answer is shown as tables built as plain elements,
//! text set as text (as the print sheet is: Leptos views of them would cost more
//! of the download than the tables are worth), and downloads as CSV.

use super::on_demand::{part, when_fetched};
use super::state::{choice, AppState};
use super::web;
use super::web::append_text as add;
use leptos::prelude::*;
use serde_json::Value;
use simpul::analysis::findings::{title as finding_title, Code};
use simpul::i18n::{Lang, Text};
use simpul::model::{Map, SectorId, StakeholderId};

#[component]
pub fn CompareDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! { {move || state.compare.get().then(|| when_fetched(comparing()))} }
}

part!(compare, fn comparing() => view! { <Comparing/> });

#[component]
fn Comparing() -> impl IntoView {
    let state = expect_context::<AppState>();
    let close = move || state.compare.set(false);
    web::focus_by_id("snapshot-name");
    let escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" {
            close();
        }
    });
    on_cleanup(move || escape.remove());
    let lang = move || state.lang.get_untracked();
    let name = RwSignal::new(
        state.t(Text::SnapshotDefault).replace("{}", &web::local_time(web::now_ms(), lang().code())),
    );
    // Bumped when a snapshot is taken, so that the choices list it.
    let taken = RwSignal::new(0u32);
    let chosen = RwSignal::new(String::new());
    let result = NodeRef::<leptos::html::Div>::new();
    let csv = RwSignal::new(None::<(String, String)>);
    let busy = RwSignal::new(false);

    // (group, [(choice, label)]) for the select: snapshots, versions, other maps.
    let choices = move || {
        taken.track();
        let code = lang().code();
        let snapshots: Vec<(String, String)> = state
            .snapshots()
            .into_iter()
            .map(|s| (choice('s', &s.key), format!("{} · {}", s.name, web::local_time(s.taken_ms, code))))
            .collect();
        let versions: Vec<(String, String)> = state
            .versions()
            .into_iter()
            .map(|v| {
                (
                    choice('v', &v.key),
                    format!(
                        "{} · {}",
                        web::local_time(v.saved_ms, code),
                        Text::stakeholder_count(v.stakeholders, lang())
                    ),
                )
            })
            .collect();
        let open = state.doc.with_untracked(|d| d.as_ref().and_then(|d| d.key.clone()));
        let maps: Vec<(String, String)> = state.catalogue.with_untracked(|c| {
            c.maps
                .iter()
                .filter(|m| !m.damaged && Some(&m.key) != open.as_ref())
                .map(|m| (choice('m', &m.key), m.title.clone()))
                .collect()
        });
        [(Text::Snapshots, snapshots), (Text::EarlierVersions, versions), (Text::OtherMaps, maps)]
    };
    // The choices as plain options, grouped; the first is chosen.
    let select = NodeRef::<leptos::html::Select>::new();
    let has_choices = RwSignal::new(false);
    Effect::new(move |_| {
        let groups = choices();
        let Some(select) = select.get() else { return };
        select.set_text_content(None);
        let lang = state.lang.get_untracked();
        for (group, list) in groups.iter().filter(|(_, list)| !list.is_empty()) {
            let Some(optgroup) = add(&select, "optgroup", "") else { return };
            let _ = optgroup.set_attribute("label", group.get(lang));
            for (value, label) in list {
                if let Some(option) = add(&optgroup, "option", label) {
                    let _ = option.set_attribute("value", value);
                }
            }
        }
        let first = groups.iter().find_map(|(_, list)| list.first()).map(|(value, _)| value.clone());
        has_choices.set(first.is_some());
        chosen.set(first.unwrap_or_default());
    });

    // Compares the open map with `old`, called `old_name`, in the worker.
    let run = move |old: Map, old_name: String| {
        let new = state.map.get_untracked();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let old_text = super::state::encode_in_steps(&old).await;
            let new_text = super::state::encode_in_steps(&new).await;
            let answer = web::export_in_worker(&simpul::export::compare_request(&old_text, &new_text)).await;
            let _ = busy.try_set(false);
            let Some(element) = result.get_untracked() else { return };
            element.set_text_content(None);
            let lang = state.lang.get_untracked();
            match answer.ok().and_then(|text| serde_json::from_str::<Value>(&text).ok()) {
                Some(value) => {
                    fill_result(&element, &value["changes"], &old, &new, &old_name, lang);
                    // Marked on the picture too.
                    let people = &value["changes"]["stakeholders"];
                    let ids =
                        |key: &str| list(&people[key]).iter().map(|n| text_of(&n["id"])).collect::<Vec<_>>();
                    let removed = ids("removed")
                        .into_iter()
                        .filter_map(|id| old.stakeholder(&StakeholderId::new(id)))
                        .map(|s| (s.name.clone(), s.pos_in_world, s.power))
                        .collect();
                    let compared = super::state::Compared {
                        since: old_name.clone(),
                        added: ids("added"),
                        changed: ids("changed"),
                        removed,
                        findings_resolved: list(&value["changes"]["findings_resolved"]).len(),
                        findings_new: list(&value["changes"]["findings_new"]).len(),
                    };
                    let _ = state.compared.try_set(Some(compared));
                    let file = format!(
                        "{} - {}.csv",
                        simpul::format::file_stem(&new),
                        simpul::format::file_stem(&old)
                    );
                    let _ = csv.try_set(value["csv"].as_str().map(|text| (file, text.to_string())));
                }
                None => {
                    add(&element, "p", &Text::CompareFailed.get(lang).replace("{}", &old_name));
                    let _ = csv.try_set(None);
                }
            }
        });
    };
    let compare_chosen = move |_| match state.map_to_compare(&chosen.get_untracked()) {
        Ok((old, old_name)) => run(old, old_name),
        Err(problem) => state.notify(super::state::Notice::Storage(problem)),
    };
    let compare_file = move |e: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&e);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // The same file may be chosen again, after it is changed.
        input.set_value("");
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            match map_in_file(&file, lang).await {
                Ok(old) => run(old, file.name()),
                Err(why) => {
                    if let Some(element) = result.get_untracked() {
                        element.set_text_content(None);
                        add(&element, "p", &Text::CompareFailed.get(lang).replace("{}", &why));
                    }
                }
            }
        });
    };
    let take = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let text = name.get_untracked();
        if !text.trim().is_empty() && state.take_snapshot(&text) {
            taken.update(|n| *n += 1);
        }
    };
    view! {
        <div class="help-backdrop">
            <div class="compare card" role="dialog" aria-modal="true" aria-labelledby="compare-heading">
                <h2 id="compare-heading">{state.tr(Text::CompareVersions)}</h2>
                <p class="hint">{state.tr(Text::CompareExplained)}</p>
                <form class="snapshot-form" on:submit=take>
                    <label for="snapshot-name">{state.tr(Text::SnapshotName)}</label>
                    <input id="snapshot-name" maxlength="120" prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e))/>
                    <button type="submit" disabled=move || state.doc.with(|d| d.as_ref().is_none_or(|d| d.preview))>{state.tr(Text::TakeSnapshot)}</button>
                </form>
                <p class="hint small" hidden=move || has_choices.get()>{state.tr(Text::NothingToCompare)}</p>
                <div class="compare-choice" hidden=move || !has_choices.get()>
                    <label for="compare-with">{state.tr(Text::CompareWith)}</label>
                    <select id="compare-with" node_ref=select on:change=move |e| chosen.set(event_target_value(&e))></select>
                    <button type="button" class="primary" disabled=move || busy.get() on:click=compare_chosen>{state.tr(Text::CompareNow)}</button>
                </div>
                <label class="file-button">
                    {state.tr(Text::CompareWithFile)}
                    <input type="file" class="visually-hidden" accept=super::files::READABLE_FILES on:change=compare_file/>
                </label>
                <div class="compare-result" aria-live="polite" aria-busy=move || busy.get().to_string() node_ref=result></div>
                <div class="dialog-actions">
                    <button type="button" disabled=move || csv.with(Option::is_none) on:click=move |_| {
                        if let Some((file, text)) = csv.get_untracked() {
                            let _ = web::download(&file, "text/csv", &text);
                        }
                    }>{state.tr(Text::DownloadComparison)}</button>
                    <button type="button" on:click=move |_| close()>{state.tr(Text::Close)}</button>
                </div>
            </div>
        </div>
    }
}

/// The map in `file`: a Simpul map, or another tool's file (Kumu, PRSM,
/// GraphML, GEXF, a spreadsheet) read by the background worker as an import
/// reads it, with the kinds its types seem to mean. Else why not, in `lang`.
async fn map_in_file(file: &web_sys::File, lang: Lang) -> Result<Map, String> {
    let text = web::read_text(file).await?;
    let invalid = match simpul::format::decode(&text) {
        Ok(map) => return Ok(map),
        Err(invalid) => invalid.problems.first().map(|p| p.describe(lang)).unwrap_or_default(),
    };
    let preview = web::read_spreadsheets(std::slice::from_ref(file)).await?;
    let preview: Value = serde_json::from_str(&preview).unwrap_or_default();
    if !preview["refused"].is_null() {
        // Not another tool's file either: what is wrong with it as a map says most.
        return Err(invalid);
    }
    let built = web::ask_spreadsheet_worker(&serde_json::json!({ "lang": lang.code() }).to_string()).await?;
    simpul::format::decode(&built).map_err(|_| invalid)
}

/// A table of `columns` and `rows` under `parent`, every cell text.
fn table(parent: &web_sys::Element, caption: &str, columns: &[&str], rows: &[Vec<String>]) -> Option<()> {
    let table = add(parent, "table", "")?;
    table.set_class_name("data compare-table");
    add(&table, "caption", caption)?;
    let head = add(&add(&table, "thead", "")?, "tr", "")?;
    for column in columns {
        add(&head, "th", column)?.set_attribute("scope", "col").ok()?;
    }
    let body = add(&table, "tbody", "")?;
    for row in rows {
        let tr = add(&body, "tr", "")?;
        for (i, cell) in row.iter().enumerate() {
            let cell = add(&tr, if i == 0 { "th" } else { "td" }, cell)?;
            if i == 0 {
                cell.set_attribute("scope", "row").ok()?;
            }
        }
    }
    Some(())
}

fn text_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// A field's name as the inspector calls it.
fn field_name(field: &str, lang: Lang) -> &'static str {
    let text = match field {
        "name" => Text::Name,
        "kind" => Text::Kind,
        "sectors" => Text::Sectors,
        "power" => Text::Power,
        "interest" => Text::Interest,
        "stance" => Text::Stance,
        "resources" => Text::Resources,
        "color" => Text::Colour,
        "directed" => Text::OneWay,
        "strength" => Text::Strength,
        _ => Text::Notes,
    };
    text.get(lang)
}

/// The comparison (`changes`, as the worker writes `analysis::compare`) of `old`,
/// called `old_name`, with `new`, as headings, counts and tables under `parent`.
fn fill_result(
    parent: &web_sys::Element,
    changes: &Value,
    old: &Map,
    new: &Map,
    old_name: &str,
    lang: Lang,
) -> Option<()> {
    add(parent, "h3", &Text::ChangedSince.get(lang).replace("{}", old_name))?;
    let mut any = false;
    let columns = [Text::Name.get(lang), Text::ChangeHeading.get(lang)];
    for (key, heading) in [
        ("stakeholders", Text::StakeholdersHeading),
        ("links", Text::LinksHeading),
        ("sectors", Text::SectorsHeading),
    ] {
        let part = &changes[key];
        let (added, removed, changed) =
            (list(&part["added"]), list(&part["removed"]), list(&part["changed"]));
        if added.is_empty() && removed.is_empty() && changed.is_empty() {
            continue;
        }
        any = true;
        let counts = Text::ChangeCounts
            .get(lang)
            .replacen("{}", &added.len().to_string(), 1)
            .replacen("{}", &removed.len().to_string(), 1)
            .replacen("{}", &changed.len().to_string(), 1);
        let mut rows: Vec<Vec<String>> = Vec::new();
        rows.extend(added.iter().map(|n| vec![text_of(&n["name"]), Text::ChangeAdded.get(lang).to_string()]));
        rows.extend(
            removed.iter().map(|n| vec![text_of(&n["name"]), Text::ChangeRemoved.get(lang).to_string()]),
        );
        rows.extend(changed.iter().map(|c| {
            let fields: Vec<String> = list(&c["fields"])
                .iter()
                .map(|f| {
                    let name = text_of(&f["field"]);
                    format!(
                        "{}: {} → {}",
                        field_name(&name, lang),
                        text_of(&f["before"]),
                        text_of(&f["after"])
                    )
                })
                .collect();
            vec![text_of(&c["name"]), fields.join("; ")]
        }));
        table(parent, &format!("{} · {counts}", heading.get(lang)), &columns, &rows)?;
    }
    let metrics = list(&changes["metrics"]);
    if !metrics.is_empty() {
        any = true;
        let pair = |m: &Value, key: &str| {
            let [before, after] = [0, 1].map(|i| m[key][i].as_f64().unwrap_or_default());
            format!("{} → {}", web::fixed(before, 3), web::fixed(after, 3))
        };
        let community = |m: &Value| {
            let [before, after] =
                [0, 1].map(|i| m["community"][i].as_u64().map_or_else(|| "–".to_string(), |c| c.to_string()));
            format!("{before} → {after}")
        };
        let rows: Vec<Vec<String>> = metrics
            .iter()
            .map(|m| {
                vec![
                    text_of(&m["name"]),
                    pair(m, "degree"),
                    pair(m, "betweenness"),
                    pair(m, "eigenvector"),
                    community(m),
                ]
            })
            .collect();
        let columns = [Text::Name, Text::Degree, Text::Betweenness, Text::Eigenvector, Text::Community]
            .map(|t| t.get(lang));
        table(parent, Text::MetricsMoved.get(lang), &columns, &rows)?;
    }
    for (key, heading, map) in
        [("findings_resolved", Text::FindingsResolved, old), ("findings_new", Text::FindingsNew, new)]
    {
        let findings = list(&changes[key]);
        if findings.is_empty() {
            continue;
        }
        any = true;
        add(parent, "h4", &format!("{} ({})", heading.get(lang), findings.len()))?;
        let ul = add(parent, "ul", "")?;
        ul.set_class_name("compare-findings");
        for f in findings {
            let code = f["code"].as_str().and_then(Code::from_code);
            let names: Vec<String> =
                list(&f["subjects"]).iter().map(|id| subject_name(map, &text_of(id))).collect();
            let li = add(&ul, "li", "")?;
            add(&li, "strong", code.map_or("", |c| finding_title(c, lang)))?;
            add(&li, "span", &format!(": {}", names.join(", ")))?;
            if let Some(code) = code {
                li.set_attribute("data-code", code.as_str()).ok()?;
            }
        }
    }
    if !any {
        add(parent, "p", Text::NothingChanged.get(lang))?;
    }
    Some(())
}

/// A finding's subject by the name it has in `map`: a stakeholder's or sector's,
/// else the id itself (a kind's code).
fn subject_name(map: &Map, id: &str) -> String {
    if let Some(s) = map.stakeholder(&StakeholderId::new(id)) {
        return s.name.clone();
    }
    map.sector(&SectorId::new(id)).map_or_else(|| id.to_string(), |s| s.name.clone())
}
