//! Commission rate tables: marginal ("on the slice") or retroactive ("whole amount at the
//! tier reached"), returning each tier's slice so a statement can show the working.

use crate::calc::Checked;
use crate::plan::TierMethod;
use rust_decimal::Decimal;
use serde::Serialize;

/// One tier's part of a commission: the amount it covers and what it pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct TierSlice {
    /// Lower bound of the tier, as an amount.
    pub from: Decimal,
    /// Upper bound, as an amount; null for the top tier.
    pub to: Option<Decimal>,
    /// The part of the credited amount paid at this tier's rate.
    pub amount: Decimal,
    /// Rate as a fraction (0.03 for 3%).
    pub rate: Decimal,
    /// `amount × rate`, unrounded.
    pub pay: Decimal,
}

use super::Overflow;

/// Commission on `base` through `tiers` (amount lower bounds from 0, rates as fractions).
/// Returns the unrounded pay and, when `keep_slices`, the slices that made it up (else none:
/// a figure not explained needs no working). A negative base (a clawback) is paid at the
/// first tier's rate.
pub fn tiered_pay(base: Decimal, tiers: &[(Decimal, Decimal)], method: TierMethod, keep_slices: bool) -> Result<(Decimal, Vec<TierSlice>), Overflow> {
    let mut slices = Vec::new();
    let mut total = Decimal::ZERO;
    match method {
        TierMethod::Marginal => {
            for (i, &(from, rate)) in tiers.iter().enumerate() {
                let to = tiers.get(i + 1).map(|t| t.0);
                let first = i == 0;
                if !first && base <= from {
                    break;
                }
                let top = to.map_or(base, |t| base.min(t));
                let amount = if first { top } else { top.minus(from).ok_or(Overflow)? };
                let pay = amount.times(rate).ok_or(Overflow)?;
                total = total.plus(pay).ok_or(Overflow)?;
                if keep_slices {
                    slices.push(TierSlice { from, to, amount, rate, pay });
                }
            }
        }
        TierMethod::Retroactive => {
            let reached = tiers.iter().rposition(|t| base >= t.0).unwrap_or(0);
            if let Some(&(from, rate)) = tiers.get(reached) {
                let to = tiers.get(reached + 1).map(|t| t.0);
                total = base.times(rate).ok_or(Overflow)?;
                if keep_slices {
                    slices.push(TierSlice { from, to, amount: base, rate, pay: total });
                }
            }
        }
    }
    Ok((total, slices))
}

/// Tier bounds in percent of target turned into amounts: `target × from / 100`.
pub fn bounds_from_attainment(target: Decimal, tiers: &[(Decimal, Decimal)]) -> Result<Vec<(Decimal, Decimal)>, Overflow> {
    tiers
        .iter()
        .map(|&(pct, rate)| Ok((target.times(pct).ok_or(Overflow)? / Decimal::ONE_HUNDRED, rate))) // ok: dividing by 100 cannot overflow
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// The SaaS table of seed 003: ≤100% 3%, 100–120% 4%, >120% 5%, target 100万.
    fn saas() -> Vec<(Decimal, Decimal)> {
        bounds_from_attainment(d("1000000"), &[(d("0"), d("0.03")), (d("100"), d("0.04")), (d("120"), d("0.05"))]).unwrap()
    }

    #[test]
    fn seed_001_flat_three_percent() {
        let flat = [(d("0"), d("0.03"))];
        assert_eq!(tiered_pay(d("1500000"), &flat, TierMethod::Marginal, true).unwrap().0, d("45000"));
        assert_eq!(tiered_pay(d("2000000"), &flat, TierMethod::Marginal, true).unwrap().0, d("60000"));
    }

    #[test]
    fn seed_003_marginal_saas_tiers() {
        for (sales, pay) in [("800000", "24000"), ("1200000", "38000"), ("1500000", "53000")] {
            let (total, slices) = tiered_pay(d(sales), &saas(), TierMethod::Marginal, true).unwrap();
            assert_eq!(total, d(pay), "sales {sales}");
            assert_eq!(slices.iter().map(|s| s.pay).sum::<Decimal>(), total);
            // Not kept when not explained: the same pay.
            for method in [TierMethod::Marginal, TierMethod::Retroactive] {
                let kept = tiered_pay(d(sales), &saas(), method, true).unwrap();
                assert_eq!(tiered_pay(d(sales), &saas(), method, false).unwrap(), (kept.0, Vec::new()));
            }
        }
        let (_, slices) = tiered_pay(d("1500000"), &saas(), TierMethod::Marginal, true).unwrap();
        let amounts: Vec<Decimal> = slices.iter().map(|s| s.amount).collect();
        assert_eq!(amounts, [d("1000000"), d("200000"), d("300000")]);
    }

    #[test]
    fn retroactive_pays_the_whole_amount_at_the_tier_reached() {
        let (pay, slices) = tiered_pay(d("1200000"), &saas(), TierMethod::Retroactive, true).unwrap();
        assert_eq!(pay, d("60000")); // 120万 × 5%: 120% reaches the third tier (bounds are inclusive)
        assert_eq!(slices.len(), 1);
        assert_eq!(tiered_pay(d("1199999"), &saas(), TierMethod::Retroactive, true).unwrap().0, d("47999.96"));
        assert_eq!(tiered_pay(d("800000"), &saas(), TierMethod::Retroactive, true).unwrap().0, d("24000"));
    }

    #[test]
    fn negative_base_is_paid_back_at_the_first_rate() {
        assert_eq!(tiered_pay(d("-100000"), &saas(), TierMethod::Marginal, true).unwrap().0, d("-3000"));
        assert_eq!(tiered_pay(d("-100000"), &saas(), TierMethod::Retroactive, true).unwrap().0, d("-3000"));
    }
}
