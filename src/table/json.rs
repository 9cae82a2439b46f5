//! A page of rows as JSON, written by hand: what `rows` hands to JavaScript each time a slider
//! moves. serde_json writes the same text (a test compares them byte for byte), but in a dozen
//! writes of a few bytes per figure, each a `memory.copy` in wasm: 50 rows took 0.2 ms.

use super::{RepRow, RowPage};
use crate::ascii_json::{key, push_figure, push_string, push_whole};

impl RowPage<'_> {
    /// The page as compact, ASCII-only JSON: the text `ascii_json::to_string` writes of it.
    pub fn to_json(&self) -> String {
        // About 330 bytes a row for the benchmark plan.
        let mut out = String::with_capacity(64 + 400 * self.rows.len());
        out.push_str("{\"total\":");
        push_whole(&mut out, self.total);
        out.push_str(",\"start\":");
        push_whole(&mut out, self.start);
        out.push_str(",\"rows\":[");
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_row(&mut out, row);
        }
        out.push_str("]}");
        out
    }
}

fn push_row(out: &mut String, row: &RepRow) {
    out.push_str("{\"index\":");
    push_whole(out, row.index);
    for (key, text) in [(key!("rep_id"), row.rep_id), (key!("name"), row.name), (key!("name_zh"), row.name_zh), (key!("region"), row.region), (key!("role"), row.role)] {
        out.push_str(key);
        push_string(out, text);
    }
    out.push_str(key!("score"));
    push_figure(out, Some(row.score));
    out.push_str(key!("grade"));
    push_string(out, row.grade);
    out.push_str(key!("rank"));
    push_whole(out, row.rank);
    let figures = [
        (key!("attainment_pct"), row.attainment_pct),
        (key!("base_total"), Some(row.base_total)),
        (key!("commission"), Some(row.commission)),
        (key!("bonuses"), Some(row.bonuses)),
        (key!("adjustments"), Some(row.adjustments)),
        (key!("variable_pay"), Some(row.variable_pay)),
        (key!("total_pay"), Some(row.total_pay)),
    ];
    for (key, figure) in figures {
        out.push_str(key);
        push_figure(out, figure);
    }
    for (key, codes) in [(key!("warnings"), &row.warnings), (key!("flags"), &row.flags)] {
        out.push_str(key);
        out.push('[');
        for (i, code) in codes.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_string(out, code);
        }
        out.push(']');
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use proptest::prelude::*;

    fn decimal() -> impl Strategy<Value = Decimal> {
        // Every scale and sign; mantissas of a few digits, that fit a u64 and that do not; zeros
        // and negative zeros.
        let mantissa = prop_oneof![Just(0i128), -99_999i128..100_000, any::<u64>().prop_map(i128::from), any::<i128>().prop_map(|m| m % (1 << 96))];
        (mantissa, 0u32..=28, any::<bool>()).prop_map(|(m, scale, negative)| {
            let mut d = Decimal::try_from_i128_with_scale(m, scale).unwrap_or_default();
            if negative {
                d.set_sign_negative(!d.is_sign_negative());
            }
            d
        })
    }

    proptest! {
        /// The hand-written page is serde_json's, byte for byte.
        #[test]
        fn a_page_written_by_hand_is_the_one_serde_json_writes(
            texts in prop::collection::vec(any::<String>(), 6),
            figures in prop::collection::vec(decimal(), 7),
            attainment in any::<bool>(),
            whole in (any::<u32>(), any::<u32>(), any::<u32>()),
            rows in 0usize..4,
        ) {
            let codes = ["base_share_out_of_range", "variable_pay_capped"];
            let row = RepRow {
                index: whole.0 as usize,
                rep_id: &texts[0],
                name: &texts[1],
                name_zh: &texts[2],
                region: &texts[3],
                role: &texts[4],
                score: figures[0],
                grade: &texts[5],
                rank: whole.1 as usize,
                attainment_pct: Some(figures[1]).filter(|_| attainment),
                base_total: figures[2],
                commission: figures[3],
                bonuses: figures[4],
                adjustments: figures[5],
                variable_pay: figures[6],
                total_pay: -figures[6],
                warnings: codes[..rows.min(2)].to_vec(),
                flags: codes[..rows / 2].to_vec(),
            };
            let page = RowPage { total: whole.2 as usize, start: rows, rows: vec![row; rows] };
            prop_assert_eq!(page.to_json(), crate::ascii_json::to_string(&page).unwrap());
        }
    }
}
