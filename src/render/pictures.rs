//! The geometry of the pictures drawn at build time as inline SVG: the regions' tile map,
//! the agreements' timeline and the targets' bars.
//!
//! Rust computes positions, shades and lengths here, from the same cards the pages list; the
//! templates (`partials/region-map.html`, `partials/mou-timeline.html`,
//! `partials/target-chart.html`) draw them and take every word from Fluent. No JavaScript:
//! a picture is plain SVG, its links are `<a>` elements, and each has a text alternative on
//! its page (the regions table, the list of agreements, the targets table).

use serde::Serialize;

use crate::load::date::FlexDate;

// ---------------------------------------------------------------------------------------
// The regions' tile map

/// Where each region sits on the schematic map, by ISO 3166-2 code: (column, row), west on
/// the left and north at the top, in both languages (a map is not mirrored for right-to-left
/// text). The twelve regions of the 2015 division; the south runs down the Atlantic coast.
const TILES: [(&str, u32, u32); 12] = [
    ("MA-01", 2, 0), // Tanger-Tétouan-Al Hoceïma
    ("MA-04", 1, 1), // Rabat-Salé-Kénitra
    ("MA-03", 2, 1), // Fès-Meknès
    ("MA-02", 3, 1), // L'Oriental
    ("MA-06", 1, 2), // Casablanca-Settat
    ("MA-05", 2, 2), // Béni Mellal-Khénifra
    ("MA-07", 1, 3), // Marrakech-Safi
    ("MA-08", 2, 3), // Drâa-Tafilalet
    ("MA-09", 1, 4), // Souss-Massa
    ("MA-10", 0, 5), // Guelmim-Oued Noun
    ("MA-11", 0, 6), // Laâyoune-Sakia El Hamra
    ("MA-12", 0, 7), // Dakhla-Oued Ed-Dahab
];

const TILE_WIDTH: u32 = 104;
const TILE_HEIGHT: u32 = 64;
const TILE_GAP: u32 = 6;

/// How many shades of activity the map uses, besides the one for none.
const SHADES: usize = 4;

/// The tile map: where each region is drawn and how dark.
#[derive(Debug, Serialize)]
pub struct TileMap<T> {
    /// Width of the SVG's view box.
    pub width: u32,
    /// Height of the SVG's view box.
    pub height: u32,
    /// One tile per placed region, in the order given.
    pub tiles: Vec<Tile<T>>,
    /// The shades used, lightest first, each with the activity it stands for.
    pub legend: Vec<Shade>,
}

/// A region's tile.
#[derive(Debug, Serialize)]
pub struct Tile<T> {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
    /// Horizontal centre, where its labels are anchored.
    pub center: u32,
    /// 0 for no activity, then 1 (least) to `SHADES` (most).
    pub shade: usize,
    /// What the region counts: articles, agreements and institutes.
    pub activity: usize,
    /// The region itself, as its page lists it.
    pub region: T,
}

/// One shade of the legend and the range of activity it stands for.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Shade {
    /// 0 to `SHADES`.
    pub shade: usize,
    /// Least activity in this shade.
    pub from: usize,
    /// Most activity in this shade.
    pub to: usize,
}

/// Places `regions` (each with its ISO code and activity) on the tile map. A region whose
/// code is not one of the twelve is left off the map; the list beside it still names it.
pub fn tile_map<T>(regions: Vec<(String, usize, T)>) -> TileMap<T> {
    let most = regions.iter().map(|(_, a, _)| *a).max().unwrap_or(0);
    let tiles: Vec<Tile<T>> = regions
        .into_iter()
        .filter_map(|(code, activity, region)| {
            let &(_, column, row) = TILES.iter().find(|(c, _, _)| *c == code)?;
            let x = TILE_GAP + column * (TILE_WIDTH + TILE_GAP);
            Some(Tile {
                x,
                y: TILE_GAP + row * (TILE_HEIGHT + TILE_GAP),
                width: TILE_WIDTH,
                height: TILE_HEIGHT,
                center: x + TILE_WIDTH / 2,
                shade: shade(activity, most),
                activity,
                region,
            })
        })
        .collect();
    let columns = TILES.iter().map(|t| t.1).max().unwrap_or(0) + 1;
    let rows = TILES.iter().map(|t| t.2).max().unwrap_or(0) + 1;
    TileMap {
        width: TILE_GAP + columns * (TILE_WIDTH + TILE_GAP),
        height: TILE_GAP + rows * (TILE_HEIGHT + TILE_GAP),
        tiles,
        legend: legend(most),
    }
}

/// The shade of `activity` when the most active region has `most`: equal steps of the range,
/// so the darkest shade always marks the most active region.
fn shade(activity: usize, most: usize) -> usize {
    if activity == 0 || most == 0 {
        0
    } else {
        (activity * SHADES).div_ceil(most)
    }
}

/// The shades `shade()` can give when the most active region has `most`, each with the
/// activity range it covers; shades no count falls in are left out.
fn legend(most: usize) -> Vec<Shade> {
    let mut shades = vec![Shade {
        shade: 0,
        from: 0,
        to: 0,
    }];
    for level in 1..=SHADES {
        let from = (level - 1) * most / SHADES + 1;
        let to = level * most / SHADES;
        if from <= to {
            shades.push(Shade {
                shade: level,
                from,
                to,
            });
        }
    }
    shades
}

// ---------------------------------------------------------------------------------------
// The agreements' timeline

const TIMELINE_WIDTH: f64 = 720.0;
/// Room on each side, so the first and last labels are not cut.
const TIMELINE_MARGIN: f64 = 24.0;
const LANE_HEIGHT: f64 = 22.0;
/// A dated-to-the-day mark is a dot this wide; marks closer than this share no lane.
const DOT: f64 = 16.0;
/// Room under the axis for month and year labels.
const AXIS_ROOM: f64 = 48.0;

/// The timeline: a time axis and one mark per dated item.
#[derive(Debug, Serialize)]
pub struct Timeline<T> {
    /// Width of the SVG's view box.
    pub width: f64,
    /// Height of the SVG's view box.
    pub height: f64,
    /// Vertical position of the axis.
    pub axis: f64,
    /// Start and end of the axis line.
    pub axis_from: f64,
    /// End of the axis line.
    pub axis_to: f64,
    /// Month ticks, with a label where there is room for one.
    pub ticks: Vec<Tick>,
    /// Year labels, centred under their year.
    pub years: Vec<Tick>,
    /// The marks, in the order given.
    pub marks: Vec<Mark<T>>,
}

/// A tick or a label on the axis.
#[derive(Debug, Serialize)]
pub struct Tick {
    /// Position.
    pub x: f64,
    /// What it says, if anything.
    pub label: Option<String>,
}

/// One item on the timeline: a dot for a day, a bar over the month or year when the date is
/// known only that far, so the picture never claims more precision than the sources give.
#[derive(Debug, Serialize)]
pub struct Mark<T> {
    /// Start of the bar, or the dot's centre.
    pub x: f64,
    /// Width of the bar; 0 for a dot.
    pub width: f64,
    /// Vertical centre of its lane.
    pub y: f64,
    /// `day`, `month` or `year`.
    pub precision: &'static str,
    /// The item itself.
    pub item: T,
}

/// Lays `items` out on a time axis running from the first January of the earliest year to
/// the end of the latest, in the reading direction (right to left when `rtl`). Marks that
/// would overlap go in lanes stacked above the axis, dots nearest to it.
/// `month_name(m)` labels the months.
pub fn timeline<T>(
    items: Vec<(FlexDate, T)>,
    rtl: bool,
    month_name: impl Fn(u8) -> String,
) -> Option<Timeline<T>> {
    let first = items.iter().map(|(d, _)| d.year).min()?;
    let last = items.iter().map(|(d, _)| d.year).max()?;
    let start = days(first, 1, 1);
    let end = days(last + 1, 1, 1);
    let plot = TIMELINE_WIDTH - 2.0 * TIMELINE_MARGIN;
    let position = |day: i64| {
        let along = TIMELINE_MARGIN + plot * (day - start) as f64 / (end - start) as f64;
        if rtl { TIMELINE_WIDTH - along } else { along }
    };

    // Extents in drawing units, dots first so they sit on the lowest lanes.
    let mut placed: Vec<(f64, f64, usize, T, FlexDate)> = items
        .into_iter()
        .enumerate()
        .map(|(order, (date, item))| {
            let (from, to) = span(date);
            let (a, b) = (position(from), position(to));
            let (left, right) = (a.min(b), a.max(b));
            (left, right, order, item, date)
        })
        .collect();
    placed.sort_by(|a, b| {
        let precision =
            |d: &FlexDate| usize::from(d.month.is_some()) + usize::from(d.day.is_some());
        precision(&b.4)
            .cmp(&precision(&a.4))
            .then(a.0.total_cmp(&b.0))
    });
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut marks: Vec<(usize, Mark<T>)> = Vec::with_capacity(placed.len());
    let mut lanes_of = Vec::with_capacity(placed.len());
    for (left, right, order, item, date) in placed {
        let is_dot = date.day.is_some();
        let (from, to) = if is_dot {
            let centre = (left + right) / 2.0;
            (centre - DOT / 2.0, centre + DOT / 2.0)
        } else {
            (left, right)
        };
        let lane = match lane_ends.iter().position(|&end| end + 2.0 <= from) {
            Some(lane) => lane,
            None => {
                lane_ends.push(f64::NEG_INFINITY);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = to;
        lanes_of.push(lane);
        marks.push((
            order,
            Mark {
                x: if is_dot { (left + right) / 2.0 } else { left },
                width: if is_dot { 0.0 } else { right - left },
                y: 0.0,
                precision: match (date.month, date.day) {
                    (_, Some(_)) => "day",
                    (Some(_), None) => "month",
                    _ => "year",
                },
                item,
            },
        ));
    }
    let lanes = lane_ends.len().max(1) as f64;
    let axis = 8.0 + lanes * LANE_HEIGHT;
    for ((_, mark), lane) in marks.iter_mut().zip(lanes_of) {
        mark.y = axis - LANE_HEIGHT / 2.0 - lane as f64 * LANE_HEIGHT;
    }
    marks.sort_by_key(|(order, _)| *order);

    let years = (last - first + 1) as usize;
    // Every month labelled up to two years; beyond that the years alone.
    let label_months = years <= 2;
    let mut ticks = Vec::new();
    let mut year_labels = Vec::new();
    for year in first..=last {
        for month in 1..=12u8 {
            let from = days(year, u32::from(month), 1);
            let to = if month == 12 {
                days(year + 1, 1, 1)
            } else {
                days(year, u32::from(month) + 1, 1)
            };
            ticks.push(Tick {
                x: position(from),
                label: None,
            });
            if label_months {
                ticks.push(Tick {
                    x: position(from + (to - from) / 2),
                    label: Some(month_name(month)),
                });
            }
        }
        let middle = (days(year, 1, 1) + days(year + 1, 1, 1)) / 2;
        year_labels.push(Tick {
            x: position(middle),
            label: Some(year.to_string()),
        });
    }
    ticks.push(Tick {
        x: position(end),
        label: None,
    });
    Some(Timeline {
        width: TIMELINE_WIDTH,
        height: axis + AXIS_ROOM,
        axis,
        axis_from: TIMELINE_MARGIN,
        axis_to: TIMELINE_WIDTH - TIMELINE_MARGIN,
        ticks,
        years: year_labels,
        marks: marks.into_iter().map(|(_, mark)| mark).collect(),
    })
}

/// The days a date covers at its precision, as [first, after last), in days since
/// 1970-01-01.
pub fn span(date: FlexDate) -> (i64, i64) {
    match (date.month, date.day) {
        (Some(month), Some(day)) => {
            let day = days(date.year, u32::from(month), u32::from(day));
            (day, day + 1)
        }
        (Some(12), None) => (days(date.year, 12, 1), days(date.year + 1, 1, 1)),
        (Some(month), None) => (
            days(date.year, u32::from(month), 1),
            days(date.year, u32::from(month) + 1, 1),
        ),
        _ => (days(date.year, 1, 1), days(date.year + 1, 1, 1)),
    }
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days(year: i32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

// ---------------------------------------------------------------------------------------
// Bars

/// A bar filled to `fraction` of its length from the reading direction's start: the numbers
/// an SVG `<rect>` needs on a 0–100 track.
#[derive(Debug, Serialize, PartialEq)]
pub struct Bar {
    /// Share filled, 0 to 1 (capped: a figure past its target fills the bar).
    pub fraction: f64,
    /// Start of the filled part on the 0–100 track.
    pub x: f64,
    /// Length of the filled part on the 0–100 track.
    pub width: f64,
}

impl Bar {
    /// `done` out of `whole`, filled from the right when `rtl`.
    pub fn new(done: f64, whole: f64, rtl: bool) -> Option<Self> {
        if whole.is_nan() || whole <= 0.0 || !done.is_finite() {
            return None;
        }
        let fraction = (done / whole).clamp(0.0, 1.0);
        let width = fraction * 100.0;
        Some(Self {
            fraction,
            x: if rtl { 100.0 - width } else { 0.0 },
            width,
        })
    }

    /// The share as a whole percentage.
    pub fn percent(&self) -> f64 {
        (self.fraction * 100.0).round()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> FlexDate {
        FlexDate::parse(text).unwrap()
    }

    #[test]
    fn every_region_has_its_own_tile() {
        let codes: Vec<(String, usize, ())> =
            (1..=12).map(|n| (format!("MA-{n:02}"), n, ())).collect();
        let map = tile_map(codes);
        assert_eq!(map.tiles.len(), 12);
        for (i, a) in map.tiles.iter().enumerate() {
            assert!(a.x + a.width <= map.width && a.y + a.height <= map.height);
            for b in &map.tiles[i + 1..] {
                let apart = a.x + a.width <= b.x
                    || b.x + b.width <= a.x
                    || a.y + a.height <= b.y
                    || b.y + b.height <= a.y;
                assert!(apart, "two tiles overlap");
            }
        }
        // North at the top: Tanger above Casablanca above Dakhla; west on the left.
        let y = |code: &str| map.tiles[code[3..].parse::<usize>().unwrap() - 1].y;
        assert!(y("MA-01") < y("MA-06") && y("MA-06") < y("MA-12"));
        let x = |code: &str| map.tiles[code[3..].parse::<usize>().unwrap() - 1].x;
        assert!(x("MA-04") < x("MA-02"), "Rabat west of the Oriental");
    }

    #[test]
    fn unknown_codes_are_left_off_the_map() {
        let map = tile_map(vec![
            ("MA-99".to_owned(), 3, ()),
            ("MA-06".to_owned(), 1, ()),
        ]);
        assert_eq!(map.tiles.len(), 1);
    }

    #[test]
    fn shades_split_the_range_evenly_and_the_most_active_is_darkest() {
        assert_eq!(shade(0, 8), 0);
        assert_eq!(shade(1, 8), 1);
        assert_eq!(shade(2, 8), 1);
        assert_eq!(shade(3, 8), 2);
        assert_eq!(shade(8, 8), SHADES);
        assert_eq!(shade(1, 1), SHADES);
        assert_eq!(shade(0, 0), 0);
        let ranges: Vec<(usize, usize)> = legend(8).iter().map(|s| (s.from, s.to)).collect();
        assert_eq!(ranges, [(0, 0), (1, 2), (3, 4), (5, 6), (7, 8)]);
        // With fewer counts than shades, empty shades are not in the legend.
        let ranges: Vec<(usize, usize)> = legend(2).iter().map(|s| (s.from, s.to)).collect();
        assert_eq!(ranges, [(0, 0), (1, 1), (2, 2)]);
        for most in 1..40 {
            for activity in 1..=most {
                let level = shade(activity, most);
                let entry = legend(most).into_iter().find(|s| s.shade == level).unwrap();
                assert!(
                    (entry.from..=entry.to).contains(&activity),
                    "{activity}/{most}"
                );
            }
        }
    }

    #[test]
    fn day_numbers() {
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(days(2000, 3, 1), 11_017);
        assert_eq!(days(2025, 7, 3) - days(2025, 1, 1), 183);
        assert_eq!(days(2024, 3, 1) - days(2024, 2, 1), 29);
    }

    #[test]
    fn timeline_places_dates_at_their_precision() {
        let items = vec![
            (date("2025-07-03"), "a"),
            (date("2025-07-03"), "b"),
            (date("2025-09"), "c"),
            (date("2025"), "d"),
        ];
        let t = timeline(items, false, |m| m.to_string()).unwrap();
        let [a, b, c, d] = &t.marks[..] else { panic!() };
        assert_eq!((a.item, a.precision, a.width), ("a", "day", 0.0));
        // Same day: same place, another lane.
        assert_eq!(a.x, b.x);
        assert_ne!(a.y, b.y);
        // July 3rd is just past the middle of the year.
        let middle = (t.axis_from + t.axis_to) / 2.0;
        assert!(a.x > middle && a.x < middle + 10.0);
        // A month is a bar over September, a year a bar over the whole axis.
        assert_eq!(c.precision, "month");
        assert!(c.x > a.x && c.width > 50.0 && c.width < 60.0);
        assert_eq!(
            (d.precision, d.x, d.x + d.width),
            ("year", t.axis_from, t.axis_to)
        );
        // Dots sit nearest the axis.
        assert!(a.y.max(b.y) > d.y);
        assert!(t.marks.iter().all(|m| m.y > 0.0 && m.y < t.axis));
        // Twelve months labelled, one year.
        assert_eq!(t.ticks.iter().filter(|t| t.label.is_some()).count(), 12);
        assert_eq!(t.years.len(), 1);
    }

    #[test]
    fn right_to_left_timelines_run_from_the_right() {
        let items = vec![(date("2025-02-01"), ()), (date("2025-11-01"), ())];
        let ltr = timeline(items, false, |m| m.to_string()).unwrap();
        let items = vec![(date("2025-02-01"), ()), (date("2025-11-01"), ())];
        let rtl = timeline(items, true, |m| m.to_string()).unwrap();
        assert!(ltr.marks[0].x < ltr.marks[1].x);
        assert!(rtl.marks[0].x > rtl.marks[1].x);
        assert!((ltr.marks[0].x - (ltr.width - rtl.marks[0].x)).abs() < 1e-9);
    }

    #[test]
    fn long_timelines_label_years_only() {
        let items = vec![(date("2021-01-01"), ()), (date("2025-11-01"), ())];
        let t = timeline(items, false, |m| m.to_string()).unwrap();
        assert!(t.ticks.iter().all(|t| t.label.is_none()));
        assert_eq!(t.years.len(), 5);
        assert!(timeline(Vec::<(FlexDate, ())>::new(), false, |m| m.to_string()).is_none());
    }

    #[test]
    fn bars_fill_from_the_reading_start() {
        let bar = Bar::new(3.0, 12.0, false).unwrap();
        assert_eq!((bar.x, bar.width, bar.percent()), (0.0, 25.0, 25.0));
        let bar = Bar::new(3.0, 12.0, true).unwrap();
        assert_eq!((bar.x, bar.width), (75.0, 25.0));
        assert_eq!(Bar::new(30.0, 12.0, false).unwrap().width, 100.0);
        assert_eq!(Bar::new(1.0, 0.0, false), None);
    }
}
