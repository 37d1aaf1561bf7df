//! Timestamps and the clock.
//!
//! A [`Timestamp`] is always UTC with microsecond precision (what PostgreSQL keeps), so a value written and read back
//! compares equal on both engines. Code reads the time through a [`Clock`], never from the system directly, so tests
//! can move time forward to check expiry, lockouts and backoff.

use std::fmt;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime, UtcOffset};

/// A point in time, UTC, microsecond precision.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, utoipa::ToSchema)]
#[schema(value_type = String, format = DateTime)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// Wraps a date-time, converting it to UTC and dropping sub-microsecond precision.
    #[must_use]
    pub fn from_datetime(at: OffsetDateTime) -> Self {
        let utc = at.to_offset(UtcOffset::UTC);
        let micros = utc.microsecond();
        Self(utc.replace_microsecond(micros).unwrap_or(utc))
    }

    /// The time `seconds` after the Unix epoch.
    ///
    /// # Errors
    /// When the value is outside the range the date-time type can represent.
    pub fn from_unix_seconds(seconds: i64) -> Result<Self, time::error::ComponentRange> {
        OffsetDateTime::from_unix_timestamp(seconds).map(Self)
    }

    /// Seconds since the Unix epoch.
    #[must_use]
    pub fn unix_seconds(&self) -> i64 {
        self.0.unix_timestamp()
    }

    /// The date-time inside.
    #[must_use]
    pub const fn as_datetime(&self) -> OffsetDateTime {
        self.0
    }

    /// This time plus a duration (saturating at the representable range).
    #[must_use]
    pub fn plus(&self, d: Duration) -> Self {
        Self(self.0.checked_add(d).unwrap_or(self.0))
    }

    /// This time minus a duration (saturating at the representable range).
    #[must_use]
    pub fn minus(&self, d: Duration) -> Self {
        Self(self.0.checked_sub(d).unwrap_or(self.0))
    }

    /// The fixed-width text form used for storage and hashing: `2026-11-29T21:18:41.123456Z`.
    /// Fixed width makes text comparison agree with time order.
    #[must_use]
    pub fn to_fixed_string(&self) -> String {
        let t = self.0;
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.microsecond()
        )
    }

    /// The start (00:00 UTC) of a day written `YYYY-MM-DD`.
    ///
    /// # Errors
    /// When the text is not such a date.
    pub fn start_of_day(text: &str) -> Result<Self, time::error::Parse> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(text.trim(), &format)
            .map(|d| Self::from_datetime(d.midnight().assume_utc()))
    }

    /// Parses RFC 3339 text (any offset).
    ///
    /// # Errors
    /// When the text is not an RFC 3339 date-time.
    pub fn parse_rfc3339(text: &str) -> Result<Self, time::error::Parse> {
        OffsetDateTime::parse(text.trim(), &Rfc3339).map(Self::from_datetime)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_fixed_string())
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.to_fixed_string())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_fixed_string())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse_rfc3339(&text).map_err(serde::de::Error::custom)
    }
}

/// Where the current time comes from.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time.
    fn now(&self) -> Timestamp;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(
        clippy::disallowed_methods,
        reason = "this is the one place that reads the system time"
    )]
    fn now(&self) -> Timestamp {
        Timestamp::from_datetime(OffsetDateTime::now_utc())
    }
}

/// A clock that starts at the real time and can be moved forward, for tests of expiry and lockouts.
#[derive(Debug, Clone)]
pub struct ManualClock {
    offset: Arc<Mutex<Duration>>,
}

impl ManualClock {
    /// A clock that reads the system time plus an adjustable offset, initially zero.
    #[must_use]
    pub fn new() -> Self {
        Self {
            offset: Arc::new(Mutex::new(Duration::ZERO)),
        }
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        if let Ok(mut offset) = self.offset.lock() {
            *offset += by;
        }
    }
}

impl Default for ManualClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        let offset = self.offset.lock().map(|o| *o).unwrap_or(Duration::ZERO);
        SystemClock.now().plus(offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fixed_string_round_trips() {
        let t = SystemClock.now();
        assert_eq!(Timestamp::parse_rfc3339(&t.to_fixed_string()).unwrap(), t);
    }

    #[test]
    fn manual_clock_moves_forward() {
        let clock = ManualClock::new();
        let before = clock.now();
        clock.advance(Duration::hours(2));
        assert!(clock.now() >= before.plus(Duration::hours(2)));
    }

    proptest! {
        #[test]
        fn text_order_is_time_order(a in 0i64..4_102_444_800, b in 0i64..4_102_444_800, ua in 0u32..1_000_000, ub in 0u32..1_000_000) {
            let ta = Timestamp::from_datetime(Timestamp::from_unix_seconds(a).unwrap().as_datetime().replace_microsecond(ua).unwrap());
            let tb = Timestamp::from_datetime(Timestamp::from_unix_seconds(b).unwrap().as_datetime().replace_microsecond(ub).unwrap());
            prop_assert_eq!(ta.cmp(&tb), ta.to_fixed_string().cmp(&tb.to_fixed_string()));
        }
    }
}
