//! Any text as a formula; every name resolves to one of four variables except names that
//! start with `z` (unknown), so the formulas of the presets parse. A formula that parses is
//! evaluated with values from the input (zero, tiny, huge, negative).
#![no_main]
use incentive_engine::formula::{parse, EvalNotes, MAX_FORMULA_CHARS};
use incentive_engine_fuzz::text;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

const VARS: usize = 4;

fn slot(name: &str) -> Option<usize> {
    (!name.starts_with('z')).then(|| name.bytes().map(usize::from).sum::<usize>() % VARS)
}

fuzz_target!(|data: &[u8]| {
    // The last 4 bytes pick the variables' values; the rest is the formula.
    let (src, picks) = data.split_at(data.len().saturating_sub(4));
    let src = text(src);
    let palette = [
        Decimal::ZERO,
        Decimal::ONE,
        Decimal::NEGATIVE_ONE,
        Decimal::MAX,
        Decimal::MIN,
        Decimal::new(1, 28),
        Decimal::new(1_200_000, 0),
        Decimal::new(-35, 1),
    ];
    let vars: Vec<Decimal> = (0..VARS).map(|i| palette[usize::from(*picks.get(i).unwrap_or(&0)) % palette.len()]).collect();
    match parse(&src, &slot) {
        Ok(expr) => {
            assert!(src.chars().count() <= MAX_FORMULA_CHARS);
            let mut notes = EvalNotes::default();
            let _ = expr.eval(&vars, &mut notes);
            let mut used = Vec::new();
            expr.vars(&mut used);
            assert!(used.iter().all(|v| *v < VARS));
            let _ = expr.as_constant();
        }
        Err(e) => {
            // Column 0 is the formula as a whole (empty or too long); any other is a place in it.
            let chars = src.chars().count();
            assert!(e.column <= chars + 1 && !e.en.is_empty() && !e.zh.is_empty(), "{e:?}");
            assert!(e.column >= 1 || chars > MAX_FORMULA_CHARS || e.en == "formula is empty", "{e:?}");
        }
    }
});
