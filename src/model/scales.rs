//! Bounded scores. Each type can only hold a value inside its range, so code that
//! receives one never has to re-check it.

use serde::{Deserialize, Serialize};

macro_rules! bounded {
    ($(#[$doc:meta])* $name:ident, $repr:ty, $min:expr, $max:expr, $default:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name($repr);

        impl $name {
            pub const MIN: i64 = $min;
            pub const MAX: i64 = $max;
            pub const DEFAULT: Self = Self($default);

            /// `None` when `value` is outside the range.
            pub fn new(value: i64) -> Option<Self> {
                if (Self::MIN..=Self::MAX).contains(&value) {
                    <$repr>::try_from(value).ok().map(Self)
                } else {
                    None
                }
            }

            pub fn get(self) -> $repr {
                self.0
            }

            /// Every allowed value, lowest first (for pickers and generators).
            pub fn all() -> impl Iterator<Item = Self> {
                (Self::MIN..=Self::MAX).filter_map(Self::new)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::DEFAULT
            }
        }

        impl TryFrom<i64> for $name {
            type Error = String;
            fn try_from(value: i64) -> Result<Self, Self::Error> {
                Self::new(value).ok_or_else(|| {
                    format!("{value} is outside {}–{}", Self::MIN, Self::MAX)
                })
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                i64::from(value.0)
            }
        }
    };
}

bounded!(
    /// Power or interest, 1 (least) to 5 (most).
    Score, u8, 1, 5, 3
);
bounded!(
    /// Attitude to the partnership: −2 opposed, 0 neutral, +2 champion.
    Stance, i8, -2, 2, 0
);
bounded!(
    /// Strength of a link, 1 (weak) to 3 (strong).
    Strength, u8, 1, 3, 1
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_enforced() {
        assert_eq!(Score::new(0), None);
        assert_eq!(Score::new(6), None);
        assert_eq!(Score::new(5).map(Score::get), Some(5));
        assert_eq!(Stance::new(-3), None);
        assert_eq!(Stance::new(-2).map(Stance::get), Some(-2));
        assert_eq!(Strength::new(4), None);
        assert_eq!(Score::all().count(), 5);
        assert_eq!(Stance::all().count(), 5);
        assert_eq!(Strength::all().count(), 3);
    }

    #[test]
    fn defaults_follow_the_file_format() {
        assert_eq!(Score::default().get(), 3);
        assert_eq!(Stance::default().get(), 0);
        assert_eq!(Strength::default().get(), 1);
    }
}
