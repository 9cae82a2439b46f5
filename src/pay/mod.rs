//! Pay: commission rate tables (`tiers`), a commission line with its gate, modifiers and
//! cap (`commission`), base pay (`base`), bonuses (`bonus`), exact pool splits (`split`)
//! and the recoverable draw (`draw`). Each reports its working to a `Trace`.

mod base;
mod bonus;
mod commission;
mod draw;
mod split;
mod tiers;

pub use base::{base_pay, BaseError, BaseWork, CompiledBasePay};
pub use bonus::{allocate, bonus_value, BonusKind, BonusRep, CompiledBonus};
pub use commission::{line_after_grade, line_before_grade, payout_curve, CompiledLine, CurvePoint, LineWork};
pub use draw::{draw_step, DrawStep};
pub use split::split_pool;
pub use tiers::{bounds_from_attainment, tiered_pay, TierSlice};

/// A figure too large for Decimal arose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;
