//! Figures as the engine's messages write them, in both languages: thousands grouped, as the
//! page shows them beside the messages. The exact values are in each message's fields.

use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places a figure is shown with in a message, at most (the exact value is in the
/// signal's fields).
const SHOWN_PLACES: u32 = 4;

/// A figure as messages show it: trailing zeros dropped ("80.00" → "80"), thousands grouped
/// from 10,000 up ("1645929" → "1,645,929"; 2026 and 9999 stay as they are), and more than 4
/// decimal places rounded to 4 after "≈" ("56.714285…" → "≈56.7143").
pub(crate) fn plain(value: Decimal) -> String {
    let shown = to_shown_places(value);
    let approx = if shown == value { "" } else { "≈" };
    let text = shown.normalize().to_string();
    let digits = text.strip_prefix('-').unwrap_or(&text);
    let int = digits.split_once('.').map_or(digits, |(i, _)| i);
    if int.len() < 5 {
        return format!("{approx}{text}");
    }
    format!("{approx}{}", grouped(&text))
}

/// [`plain`], unless its rounding to 4 places would read as `other` (a threshold it is
/// compared with) while it is not: then every digit, so that "59.999999999, below 60" never
/// reads "≈60, below 60".
pub(crate) fn plain_against(value: Decimal, other: Decimal) -> String {
    if value != other && to_shown_places(value) == other {
        grouped(&value.normalize().to_string())
    } else {
        plain(value)
    }
}

/// `value` rounded half away from zero to the places a message shows.
fn to_shown_places(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(SHOWN_PLACES, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount of money as messages show it: every digit the amount has, thousands grouped as
/// the page groups them ("39818.40" → "39,818.40", "1900" → "1,900").
pub(crate) fn money(value: Decimal) -> String {
    grouped(&value.to_string())
}

/// The first five of `ids`, then "…" when there are more, listed in each language:
/// ("E01, E02, …", "E01、E02、…").
pub(crate) fn first_ids(ids: &[&str]) -> (String, String) {
    const SHOWN: usize = 5;
    let mut first: Vec<&str> = ids.iter().take(SHOWN).copied().collect();
    if ids.len() > SHOWN {
        first.push("…");
    }
    (first.join(", "), first.join("、"))
}

/// A decimal's text with a comma before each group of three digits of its whole part.
fn grouped(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{first_ids, money, plain};
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn figures_in_messages_drop_trailing_zeros_and_group_from_ten_thousand() {
        let shown = |s: &str| plain(d(s));
        assert_eq!(shown("80.00"), "80");
        assert_eq!(shown("9999"), "9999");
        assert_eq!(shown("1645929"), "1,645,929");
        assert_eq!(shown("-1200000.50"), "-1,200,000.5");
        assert_eq!(shown("84.1875"), "84.1875");
        assert_eq!(shown("100000"), "100,000");
        // More than 4 places: rounded half away from zero, marked as not exact.
        assert_eq!(shown("56.71428571428571428571428571"), "≈56.7143");
        assert_eq!(shown("-0.00005"), "≈-0.0001");
        assert_eq!(shown("12345.678951"), "≈12,345.679");
        assert_eq!(shown("1.23450"), "1.2345");
    }

    #[test]
    fn a_figure_next_to_the_threshold_it_crossed_never_reads_as_that_threshold() {
        use super::plain_against;
        assert_eq!(plain_against(d("59.999999999"), d("60")), "59.999999999");
        assert_eq!(plain_against(d("60.00001"), d("60")), "60.00001");
        assert_eq!(plain_against(d("56.71428571428571428571428571"), d("60")), "≈56.7143");
        assert_eq!(plain_against(d("60.000"), d("60")), "60");
        assert_eq!(plain_against(d("12345.000001"), d("12345")), "12,345.000001");
    }

    #[test]
    fn money_in_messages_keeps_its_places_and_groups_from_a_thousand() {
        assert_eq!(money(d("39818.40")), "39,818.40");
        assert_eq!(money(d("1900")), "1,900");
        assert_eq!(money(d("999.5")), "999.5");
        assert_eq!(money(d("-1234567.891")), "-1,234,567.891");
        assert_eq!(money(d("100000.00")), "100,000.00");
        assert_eq!(money(d("0.00")), "0.00");
    }

    #[test]
    fn ids_are_listed_five_at_most_in_each_languages_way() {
        assert_eq!(first_ids(&["E01", "E02"]), ("E01, E02".to_string(), "E01、E02".to_string()));
        let seven = ["A", "B", "C", "D", "E", "F", "G"];
        assert_eq!(first_ids(&seven), ("A, B, C, D, E, …".to_string(), "A、B、C、D、E、…".to_string()));
    }
}
