//! What one cell of the matrix adds to the scores, looked up in a table.
//!
//! Ratings change from cell to cell, so a `match` per cell is a branch the
//! processor mispredicts about as often as not: on a 50 × 5,000 matrix that
//! was most of the time scoring took. Indexing a table by the cell makes
//! the loops branch-free. The table is filled from the [`Rating`] methods,
//! which stay the one definition of the points.

use crate::model::Rating;

/// A cell's share of every score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct CellPoints {
    /// Heuer's inconsistency points (I = 1, II = 2).
    pub inconsistency: u32,
    /// The same points as a float, to multiply by the item's weight.
    pub inconsistency_factor: f64,
    /// Consistency points (C = 1, CC = 2) as a float.
    pub consistency_factor: f64,
    /// 1 for an unrated cell.
    pub unrated: usize,
    /// 1 when the cell counts towards diagnosticity (rated and not NA).
    pub counted: u32,
    /// `counted` as a float, to mask out cells without a branch.
    pub counted_mask: f64,
    /// The value on the −2..2 scale; 0 when not counted.
    pub scale_value: i32,
}

/// The position of unrated cells in the table, after the six ratings.
const UNRATED: usize = Rating::ALL.len();

/// The points of each possible cell: the six ratings, then unrated.
pub(super) struct CellTable([CellPoints; UNRATED + 1]);

impl CellTable {
    pub fn new() -> Self {
        let mut table = [CellPoints {
            inconsistency: 0,
            inconsistency_factor: 0.0,
            consistency_factor: 0.0,
            unrated: 1,
            counted: 0,
            counted_mask: 0.0,
            scale_value: 0,
        }; UNRATED + 1];
        for rating in Rating::ALL {
            let scale_value = rating.scale_value();
            table[rating as usize] = CellPoints {
                inconsistency: rating.inconsistency_points(),
                inconsistency_factor: f64::from(rating.inconsistency_points()),
                consistency_factor: f64::from(rating.consistency_points()),
                unrated: 0,
                counted: u32::from(scale_value.is_some()),
                counted_mask: if scale_value.is_some() { 1.0 } else { 0.0 },
                // Scale values are the integers −2..2.
                scale_value: scale_value.map_or(0, |value| value as i32),
            };
        }
        CellTable(table)
    }

    /// The points of one cell.
    #[inline]
    pub fn get(&self, cell: Option<Rating>) -> &CellPoints {
        &self.0[cell.map_or(UNRATED, |rating| rating as usize)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_agrees_with_the_rating_methods() {
        let table = CellTable::new();
        for rating in Rating::ALL {
            let points = table.get(Some(rating));
            assert_eq!(points.inconsistency, rating.inconsistency_points());
            assert_eq!(
                points.consistency_factor,
                f64::from(rating.consistency_points())
            );
            assert_eq!(points.unrated, 0);
            assert_eq!(
                (points.counted == 1).then_some(f64::from(points.scale_value)),
                rating.scale_value()
            );
        }
        let unrated = table.get(None);
        assert_eq!((unrated.unrated, unrated.counted), (1, 0));
    }
}
