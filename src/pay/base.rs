//! Base pay: the monthly salary that matches the rep best (role and city tier > role > city
//! tier > neither) and the allowances for its role, times the months in the period; and
//! the checks a plan designer wants warned about: below the local minimum wage, or a base
//! share of total pay outside the stated range.

use crate::calc::{CalcError, Checked};
use crate::explain::{Explanation, Trace};
use rust_decimal::Decimal;

/// Base pay ready to apply.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledBasePay {
    /// Months in one of the plan's periods (3 for quarters).
    pub months: Decimal,
    /// The data column slot holding the city tier.
    pub tier_slot: usize,
    /// (role, city tier, monthly salary).
    pub salaries: Vec<(Option<String>, Option<u32>, Decimal)>,
    /// (roles it is for, monthly amount), in plan order.
    pub allowances: Vec<(Option<Vec<String>>, Decimal)>,
    /// (city tier, monthly minimum wage).
    pub minimums: Vec<(u32, Decimal)>,
    /// Base share of total pay that is not warned about, as fractions.
    pub share_range: (Decimal, Decimal),
}

/// A rep's base pay for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseWork {
    /// The monthly salary × the months of the period, unrounded.
    pub salary: Decimal,
    /// The monthly salary for the rep's role and city tier.
    pub monthly: Decimal,
    /// One amount per plan allowance (0 for allowances not for the rep's role).
    pub allowances: Vec<Decimal>,
    /// The working: city tier, monthly salary, months, salary.
    pub explain: Explanation,
    /// The local minimum wage, when the monthly salary is below it.
    pub below_minimum: Option<Decimal>,
}

/// Why a rep's base pay could not be set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseError {
    /// No salary entry matches the rep's role and city tier.
    NoSalary(Option<u32>),
    /// The city tier is not a whole number from 1 to 9.
    BadTier(Decimal),
    /// A figure too large to compute exactly.
    Calc(CalcError),
}

/// The base pay of a rep with `role`, whose variables are `vars`; explained when `record`.
pub fn base_pay(base: &CompiledBasePay, role: &str, vars: &[Decimal], record: bool) -> Result<BaseWork, BaseError> {
    let raw_tier = vars[base.tier_slot]; // ok: the slot comes from the data columns that size `vars`
    let tier = u32::try_from(raw_tier.mantissa()).ok().filter(|t| raw_tier.scale() == 0 && (1..=9).contains(t)).ok_or(BaseError::BadTier(raw_tier))?;
    let specificity = |(r, t, _): &&(Option<String>, Option<u32>, Decimal)| match (r, t) {
        (Some(_), Some(_)) => 3,
        (Some(_), None) => 2,
        (None, Some(_)) => 1,
        (None, None) => 0,
    };
    let monthly = base
        .salaries
        .iter()
        .filter(|(r, t, _)| r.as_deref().is_none_or(|r| r == role) && t.is_none_or(|t| t == tier))
        .max_by_key(specificity)
        .map(|(_, _, m)| *m)
        .ok_or(BaseError::NoSalary(Some(tier)))?;
    let mut ex = Explanation::recording(record);
    ex.value("city_tier", Decimal::from(tier));
    ex.value("monthly_salary", monthly);
    ex.value("months", base.months);
    let over = |m: Decimal| m.times(base.months).ok_or(BaseError::Calc(CalcError::Overflow));
    let salary = over(monthly)?;
    ex.value("salary", salary);
    let allowances = base.allowances.iter().map(|(roles, m)| if roles.as_ref().is_none_or(|r| r.iter().any(|x| x == role)) { over(*m) } else { Ok(Decimal::ZERO) }).collect::<Result<_, _>>()?;
    let minimum = base.minimums.iter().find(|(t, _)| *t == tier).map(|(_, m)| *m);
    let below_minimum = minimum.filter(|m| monthly < *m);
    if let Some(m) = below_minimum {
        ex.note("below_minimum_wage");
        ex.value("minimum_wage", m);
    }
    Ok(BaseWork { salary, monthly, allowances, explain: ex, below_minimum })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn plan() -> CompiledBasePay {
        CompiledBasePay {
            months: d("3"),
            tier_slot: 0,
            salaries: vec![(None, None, d("6000")), (Some("nb".into()), None, d("7000")), (Some("nb".into()), Some(1), d("9000")), (None, Some(1), d("8500"))],
            allowances: vec![(None, d("800")), (Some(vec!["am".into()]), d("300"))],
            minimums: vec![(1, d("8000")), (3, d("6500"))],
            share_range: (d("0.3"), d("0.4")),
        }
    }

    #[test]
    fn the_most_specific_salary_and_the_role_allowances_for_the_period() {
        let b = base_pay(&plan(), "nb", &[d("1")], true).unwrap();
        assert_eq!((b.salary, b.allowances.clone()), (d("27000"), vec![d("2400"), d("0")]));
        assert_eq!(base_pay(&plan(), "am", &[d("1")], true).unwrap().salary, d("25500")); // tier 1: 8,500 × 3
        assert_eq!(base_pay(&plan(), "am", &[d("2")], true).unwrap().allowances, vec![d("2400"), d("900")]);
        assert_eq!(base_pay(&plan(), "nb", &[d("2")], true).unwrap().salary, d("21000"));
    }

    #[test]
    fn below_the_local_minimum_is_noted_and_bad_tiers_are_errors() {
        let b = base_pay(&plan(), "am", &[d("3")], true).unwrap(); // 6,000 < 6,500
        assert_eq!(b.below_minimum, Some(d("6500")));
        assert_eq!(b.explain.notes, ["below_minimum_wage"]);
        assert_eq!(base_pay(&plan(), "nb", &[d("1.5")], true), Err(BaseError::BadTier(d("1.5"))));
        let mut p = plan();
        p.salaries.retain(|s| s.0.is_some());
        assert_eq!(base_pay(&p, "am", &[d("2")], true), Err(BaseError::NoSalary(Some(2))));
    }
}
