//! Area boundaries (gemeente, wijk, buurt) from GeoJSON or TopoJSON in WGS84 with CBS codes, and a point lookup.

use crate::geo::{LatLon, Polygon};
use serde_json::Value;
use thiserror::Error;

/// The level of an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AreaKind {
    /// Gemeente (`GM…`).
    Gemeente,
    /// Wijk (`WK…`).
    Wijk,
    /// Buurt (`BU…`).
    Buurt,
}

impl AreaKind {
    /// The stored name.
    pub fn code(self) -> &'static str {
        match self {
            AreaKind::Gemeente => "gemeente",
            AreaKind::Wijk => "wijk",
            AreaKind::Buurt => "buurt",
        }
    }

    fn of_code(code: &str) -> Option<Self> {
        match code.get(..2) {
            Some("GM") => Some(AreaKind::Gemeente),
            Some("WK") => Some(AreaKind::Wijk),
            Some("BU") => Some(AreaKind::Buurt),
            _ => None,
        }
    }
}

/// One area with its outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Level.
    pub kind: AreaKind,
    /// CBS code (`GM0363`).
    pub code: String,
    /// Name.
    pub name: String,
    /// The year of the code, when the file says it (`jrstatcode`).
    pub year: Option<i32>,
    /// Its polygons (a MultiPolygon has several).
    pub polygons: Vec<Polygon>,
}

/// Why a boundaries file cannot be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum BoundaryError {
    /// Not JSON.
    #[error("geen geldige JSON: {0}")]
    Json(String),
    /// JSON, but not a FeatureCollection or Topology.
    #[error("verwacht een GeoJSON FeatureCollection of een TopoJSON Topology")]
    NotGeo,
    /// A feature without a CBS code.
    #[error("object {0} heeft geen CBS-code (statcode) van een gemeente, wijk of buurt")]
    NoCode(usize),
    /// A geometry that is not a (Multi)Polygon or refers to a missing arc.
    #[error("object {0} heeft een onbruikbare geometrie")]
    Geometry(usize),
}

/// Parses a GeoJSON FeatureCollection or a TopoJSON Topology (every object in it).
pub fn parse(text: &str) -> Result<Vec<Area>, BoundaryError> {
    let json: Value = serde_json::from_str(text).map_err(|e| BoundaryError::Json(e.to_string()))?;
    match json["type"].as_str() {
        Some("FeatureCollection") => {
            let features = json["features"].as_array().ok_or(BoundaryError::NotGeo)?;
            features
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    area(
                        i,
                        &f["properties"],
                        f["id"].as_str(),
                        polygons_geojson(&f["geometry"]).ok_or(BoundaryError::Geometry(i))?,
                    )
                })
                .collect()
        }
        Some("Topology") => {
            let arcs = decode_arcs(&json).ok_or(BoundaryError::NotGeo)?;
            let objects = json["objects"].as_object().ok_or(BoundaryError::NotGeo)?;
            let mut areas = Vec::new();
            for object in objects.values() {
                let geometries = object["geometries"].as_array().ok_or(BoundaryError::NotGeo)?;
                for g in geometries {
                    let i = areas.len();
                    let polygons = polygons_topojson(g, &arcs).ok_or(BoundaryError::Geometry(i))?;
                    areas.push(area(i, &g["properties"], g["id"].as_str(), polygons)?);
                }
            }
            Ok(areas)
        }
        _ => Err(BoundaryError::NotGeo),
    }
}

fn area(index: usize, properties: &Value, id: Option<&str>, polygons: Vec<Polygon>) -> Result<Area, BoundaryError> {
    let code = ["statcode", "code", "gemeentecode", "wijkcode", "buurtcode"]
        .iter()
        .find_map(|k| properties[*k].as_str())
        .or(id)
        .map(|c| c.trim().to_ascii_uppercase())
        .ok_or(BoundaryError::NoCode(index))?;
    let kind = AreaKind::of_code(&code).ok_or(BoundaryError::NoCode(index))?;
    let name = ["statnaam", "naam", "name"].iter().find_map(|k| properties[*k].as_str()).unwrap_or("").to_owned();
    let year = properties["jrstatcode"].as_str().and_then(|j| j.get(..4)).and_then(|y| y.parse().ok());
    Ok(Area { kind, code, name, year, polygons })
}

fn ring(value: &Value) -> Option<Vec<[f64; 2]>> {
    value.as_array()?.iter().map(|p| Some([p[0].as_f64()?, p[1].as_f64()?])).collect()
}

fn polygon(value: &Value) -> Option<Polygon> {
    Some(Polygon { rings: value.as_array()?.iter().map(ring).collect::<Option<_>>()? })
}

fn polygons_geojson(geometry: &Value) -> Option<Vec<Polygon>> {
    match geometry["type"].as_str()? {
        "Polygon" => Some(vec![polygon(&geometry["coordinates"])?]),
        "MultiPolygon" => geometry["coordinates"].as_array()?.iter().map(polygon).collect(),
        _ => None,
    }
}

/// Decodes TopoJSON arcs: quantized, delta-encoded positions when a transform is given.
fn decode_arcs(topology: &Value) -> Option<Vec<Vec<[f64; 2]>>> {
    let transform = &topology["transform"];
    let scale = [transform["scale"][0].as_f64(), transform["scale"][1].as_f64()];
    let translate = [transform["translate"][0].as_f64(), transform["translate"][1].as_f64()];
    topology["arcs"]
        .as_array()?
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.as_array()?
                .iter()
                .map(|p| {
                    let (px, py) = (p[0].as_f64()?, p[1].as_f64()?);
                    match (scale, translate) {
                        ([Some(sx), Some(sy)], [Some(tx), Some(ty)]) => {
                            x += px;
                            y += py;
                            Some([x * sx + tx, y * sy + ty])
                        }
                        _ => Some([px, py]),
                    }
                })
                .collect()
        })
        .collect()
}

/// A ring from arc indexes; a negative index `~i` means arc `i` reversed. Shared end points are not repeated.
fn topo_ring(indexes: &Value, arcs: &[Vec<[f64; 2]>]) -> Option<Vec<[f64; 2]>> {
    let mut points: Vec<[f64; 2]> = Vec::new();
    for index in indexes.as_array()? {
        let index = index.as_i64()?;
        let (arc, reversed) =
            if index < 0 { (arcs.get((!index) as usize)?, true) } else { (arcs.get(index as usize)?, false) };
        let mut part: Vec<[f64; 2]> = arc.clone();
        if reversed {
            part.reverse();
        }
        let skip = usize::from(!points.is_empty());
        points.extend(part.into_iter().skip(skip));
    }
    Some(points)
}

fn polygons_topojson(geometry: &Value, arcs: &[Vec<[f64; 2]>]) -> Option<Vec<Polygon>> {
    let topo_polygon = |rings: &Value| {
        Some(Polygon { rings: rings.as_array()?.iter().map(|r| topo_ring(r, arcs)).collect::<Option<_>>()? })
    };
    match geometry["type"].as_str()? {
        "Polygon" => Some(vec![topo_polygon(&geometry["arcs"])?]),
        "MultiPolygon" => geometry["arcs"].as_array()?.iter().map(topo_polygon).collect(),
        _ => None,
    }
}

/// Finds the area a point lies in, fast: a grid over the areas' bounding boxes narrows the candidates.
pub struct AreaIndex {
    areas: Vec<IndexedArea>,
    cells: std::collections::HashMap<(i32, i32), Vec<usize>>,
}

/// An area's code and its polygons, each with its bounding box.
type IndexedArea = (String, Vec<(Polygon, [f64; 4])>);

/// Grid cell size in degrees (about 3.5 by 5.5 km).
const CELL: f64 = 0.05;

fn cell_of(lon: f64, lat: f64) -> (i32, i32) {
    ((lon / CELL).floor() as i32, (lat / CELL).floor() as i32)
}

impl AreaIndex {
    /// Indexes the areas of one kind.
    pub fn new(areas: &[Area]) -> Self {
        let mut cells: std::collections::HashMap<(i32, i32), Vec<usize>> = std::collections::HashMap::new();
        let mut indexed = Vec::with_capacity(areas.len());
        for (i, area) in areas.iter().enumerate() {
            let mut parts = Vec::new();
            for polygon in &area.polygons {
                let b = polygon.bbox();
                let (low, high) = (cell_of(b[0], b[1]), cell_of(b[2], b[3]));
                for cx in low.0..=high.0 {
                    for cy in low.1..=high.1 {
                        let entry = cells.entry((cx, cy)).or_default();
                        if entry.last() != Some(&i) {
                            entry.push(i);
                        }
                    }
                }
                parts.push((polygon.clone(), b));
            }
            indexed.push((area.code.clone(), parts));
        }
        Self { areas: indexed, cells }
    }

    /// The code of the area containing the point, if any.
    pub fn find(&self, point: LatLon) -> Option<&str> {
        let candidates = self.cells.get(&cell_of(point.lon, point.lat))?;
        candidates.iter().find_map(|i| {
            let (code, parts) = &self.areas[*i];
            let inside = parts.iter().any(|(polygon, b)| {
                point.lon >= b[0]
                    && point.lon <= b[2]
                    && point.lat >= b[1]
                    && point.lat <= b[3]
                    && polygon.contains(point)
            });
            inside.then_some(code.as_str())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEOJSON: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"statcode":"GM0001","statnaam":"Links","jrstatcode":"2023GM0001"},
         "geometry":{"type":"Polygon","coordinates":[[[4.0,52.0],[5.0,52.0],[5.0,53.0],[4.0,53.0],[4.0,52.0]]]}},
        {"type":"Feature","properties":{"code":"gm0002","naam":"Rechts"},
         "geometry":{"type":"MultiPolygon","coordinates":[[[[5.0,52.0],[6.0,52.0],[6.0,53.0],[5.0,53.0]]],[[[7.0,52.0],[7.1,52.0],[7.1,52.1]]]]}}]}"#;

    #[test]
    fn geojson_polygons_and_multipolygons() {
        let areas = parse(GEOJSON).expect("parse");
        assert_eq!(areas.len(), 2);
        assert_eq!((areas[0].code.as_str(), areas[0].name.as_str(), areas[0].year), ("GM0001", "Links", Some(2023)));
        assert_eq!((areas[1].code.as_str(), areas[1].kind, areas[1].polygons.len()), ("GM0002", AreaKind::Gemeente, 2));
        let index = AreaIndex::new(&areas);
        assert_eq!(index.find(LatLon { lat: 52.5, lon: 4.5 }), Some("GM0001"));
        assert_eq!(index.find(LatLon { lat: 52.5, lon: 5.5 }), Some("GM0002"));
        assert_eq!(index.find(LatLon { lat: 52.02, lon: 7.08 }), Some("GM0002"), "second part of the multipolygon");
        assert_eq!(index.find(LatLon { lat: 52.5, lon: 8.5 }), None);
    }

    #[test]
    fn topojson_arcs_are_decoded_with_transform_and_reversal() {
        // Two squares sharing the arc x=1 (arc 1), quantized with scale 1 and translate (4, 52).
        let topo = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[4,52]},
            "arcs":[[[1,0],[-1,0],[0,1],[1,0]],[[1,1],[0,-1]],[[1,0],[1,0],[0,1],[-1,0]]],
            "objects":{"g":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"properties":{"statcode":"BU00010001"}},
              {"type":"Polygon","arcs":[[2,-2]],"id":"BU00010002","properties":{}}]}}}"#;
        let areas = parse(topo).expect("parse");
        assert_eq!(
            areas[0].polygons[0].rings[0],
            vec![[5.0, 52.0], [4.0, 52.0], [4.0, 53.0], [5.0, 53.0], [5.0, 52.0]]
        );
        assert_eq!(areas[1].code, "BU00010002");
        assert_eq!(areas[1].kind, AreaKind::Buurt);
        let index = AreaIndex::new(&areas);
        assert_eq!(index.find(LatLon { lat: 52.5, lon: 4.5 }), Some("BU00010001"));
        assert_eq!(index.find(LatLon { lat: 52.5, lon: 5.5 }), Some("BU00010002"));
    }

    #[test]
    fn bad_files_are_refused() {
        assert!(matches!(parse("{"), Err(BoundaryError::Json(_))));
        assert_eq!(parse(r#"{"type":"Point"}"#), Err(BoundaryError::NotGeo));
        let no_code = r#"{"type":"FeatureCollection","features":[{"properties":{},"geometry":{"type":"Polygon","coordinates":[]}}]}"#;
        assert_eq!(parse(no_code), Err(BoundaryError::NoCode(0)));
    }
}
