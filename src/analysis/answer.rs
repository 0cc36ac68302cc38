//! The worker's answer read back in the page. The worker writes an [`Analysis`]
//! with serde's derived writer; the page reads it from the JSON tree it already
//! parses map files into, so the first download carries no derived reader per
//! analysis type (about 30 KB of monomorphised code before gzip).
//!
//! Anything that is not an analysis exactly as the worker writes it gives `None`.

use super::findings::{Code, Detail, Finding, Headline, Severity};
use super::mendelow::Quadrant;
use super::sector_matrix::SectorMatrix;
use super::{Analysis, MapMeasures, StakeholderMetrics};
use crate::model::StakeholderKind;
use serde_json::Value;

/// `text` read as an analysis, or `None`.
pub fn read(text: &str) -> Option<Analysis> {
    analysis(&serde_json::from_str(text).ok()?)
}

fn analysis(v: &Value) -> Option<Analysis> {
    Some(Analysis {
        metrics: list(v.get("metrics")?, metrics)?,
        map: measures(v.get("map")?)?,
        findings: list(v.get("findings")?, finding)?,
        sector_matrix: sector_matrix(v.get("sector_matrix")?)?,
        summary: list(v.get("summary")?, headline)?,
    })
}

fn metrics(v: &Value) -> Option<StakeholderMetrics> {
    Some(StakeholderMetrics {
        degree: number(v, "degree")?,
        betweenness: number(v, "betweenness")?,
        closeness: number(v, "closeness")?,
        eigenvector: number(v, "eigenvector")?,
        community: match v.get("community")? {
            Value::Null => None,
            c => Some(u32::try_from(c.as_u64()?).ok()?),
        },
        quadrant: Quadrant::from_code(v.get("quadrant")?.as_str()?)?,
    })
}

fn measures(v: &Value) -> Option<MapMeasures> {
    let kinds = |key| list(v.get(key)?, |k| StakeholderKind::from_code(k.as_str()?));
    Some(MapMeasures {
        stakeholders: count(v.get("stakeholders")?)?,
        linked_pairs: count(v.get("linked_pairs")?)?,
        density: number(v, "density")?,
        groups: count(v.get("groups")?)?,
        communities: count(v.get("communities")?)?,
        modularity: number(v, "modularity")?,
        articulation_points: list(v.get("articulation_points")?, text)?,
        bridges: list(v.get("bridges")?, |pair| match list(pair, text)?.as_slice() {
            [a, b] => Some([a.clone(), b.clone()]),
            _ => None,
        })?,
        pentahelix_present: kinds("pentahelix_present")?,
        pentahelix_missing: kinds("pentahelix_missing")?,
        eigenvector_converged: v.get("eigenvector_converged")?.as_bool()?,
    })
}

fn finding(v: &Value) -> Option<Finding> {
    Some(Finding {
        code: Code::from_code(v.get("code")?.as_str()?)?,
        severity: Severity::from_code(v.get("severity")?.as_str()?)?,
        subjects: list(v.get("subjects")?, text)?,
        detail: detail(v.get("detail")?)?,
    })
}

fn headline(v: &Value) -> Option<Headline> {
    Some(Headline {
        code: Code::from_code(v.get("code")?.as_str()?)?,
        about: match v.get("about")? {
            Value::Null => None,
            about => Some(text(about)?),
        },
        count: count(v.get("count")?)?,
        reach: count(v.get("reach")?)?,
        of: count(v.get("of")?)?,
    })
}

/// serde's external tagging: `"None"`, or `{"Parts": [..]}` and the like.
fn detail(v: &Value) -> Option<Detail> {
    if v.as_str() == Some("None") {
        return Some(Detail::None);
    }
    let object = v.as_object().filter(|o| o.len() == 1)?;
    let (tag, body) = object.iter().next()?;
    match tag.as_str() {
        "Parts" => Some(Detail::Parts(list(body, count)?)),
        "Shares" => {
            Some(Detail::Shares { pairs: number(body, "pairs")?, betweenness: number(body, "betweenness")? })
        }
        "Suggestion" => Some(Detail::Suggestion {
            common: count(body.get("common")?)?,
            sectors: count(body.get("sectors")?)?,
            score: number(body, "score")?,
        }),
        _ => None,
    }
}

fn sector_matrix(v: &Value) -> Option<SectorMatrix> {
    let cells = |key| list(v.get(key)?, |c| u32::try_from(c.as_u64()?).ok());
    SectorMatrix::from_cells(count(v.get("size")?)?, cells("links")?, cells("shared")?)
}

fn list<T>(v: &Value, item: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    v.as_array()?.iter().map(item).collect()
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn count(v: &Value) -> Option<usize> {
    usize::try_from(v.as_u64()?).ok()
}

fn number(v: &Value, key: &str) -> Option<f64> {
    v.get(key)?.as_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &impl serde::Serialize) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }

    /// The reader looks codes up by `code()`; the worker writes them with serde's
    /// renaming. Both must spell every one alike.
    #[test]
    fn serde_writes_every_code_as_the_reader_reads_it() {
        for code in Code::ALL {
            assert_eq!(written(&code), format!("\"{}\"", code.as_str()));
            assert_eq!(Code::from_code(code.as_str()), Some(code));
        }
        for severity in Severity::ALL {
            assert_eq!(written(&severity), format!("\"{}\"", severity.code()));
        }
        for quadrant in Quadrant::ALL {
            assert_eq!(written(&quadrant), format!("\"{}\"", quadrant.code()));
            assert_eq!(Quadrant::from_code(quadrant.code()), Some(quadrant));
        }
    }

    #[test]
    fn a_matrix_of_the_wrong_shape_is_refused() {
        let text = r#"{"metrics":[],"map":{"stakeholders":0,"linked_pairs":0,"density":0.0,"groups":0,
            "communities":0,"modularity":0.0,"articulation_points":[],"bridges":[],"pentahelix_present":[],"pentahelix_missing":[],
            "eigenvector_converged":true},"findings":[],"sector_matrix":{"size":2,"links":[0],"shared":[0]},"summary":[]}"#;
        assert_eq!(read(text), None);
        assert!(read(
            &text.replace(r#""size":2,"links":[0],"shared":[0]"#, r#""size":1,"links":[0],"shared":[1]"#)
        )
        .is_some());
    }
}
