//! What a plain scalar means to YAML 1.2's core schema. The loader reads
//! a scalar by what its key expects; this is for the writer, which quotes
//! a text that a YAML reader would otherwise take for something else, and
//! for tags such as `!!int`, which must agree with their text.

/// A plain scalar's core-schema reading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Meaning {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false` in any of YAML's three spellings.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction or an exponent.
    Float(f64),
    /// Anything else.
    Text,
}

/// What a plain scalar stands for under YAML 1.2's core schema: null,
/// true/false, a whole number (decimal, 0o octal, 0x hex), a float, or
/// text. `.inf`, `.nan` and numbers beyond a float's range are text here,
/// since no figure is infinite.
pub fn plain_meaning(text: &str) -> Meaning {
    resolve(text).unwrap_or(Meaning::Text)
}

fn resolve(text: &str) -> Option<Meaning> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Meaning::Null),
        "true" | "True" | "TRUE" => return Some(Meaning::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Meaning::Bool(false)),
        _ => {}
    }
    // Text, the common case, is told from a number by its first character.
    if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    integer(text).or_else(|| float(text))
}

fn integer(text: &str) -> Option<Meaning> {
    let radix = |prefix: &str, radix: u32| {
        text.strip_prefix(prefix)
            .filter(|digits| !digits.is_empty() && !digits.starts_with(['+', '-']))
            .and_then(|digits| i64::from_str_radix(digits, radix).ok())
    };
    if let Some(value) = radix("0o", 8).or_else(|| radix("0x", 16)) {
        return Some(Meaning::Int(value));
    }
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match text.parse::<i64>() {
        Ok(value) => Some(Meaning::Int(value)),
        Err(_) => finite(text),
    }
}

fn float(text: &str) -> Option<Meaning> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (!whole.is_empty() || !fraction.is_empty())
                && whole
                    .bytes()
                    .chain(fraction.bytes())
                    .all(|b| b.is_ascii_digit())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    });
    if mantissa_ok && exponent_ok {
        finite(text)
    } else {
        None
    }
}

/// A number too large for a float (1e400) stays text, as `.inf` does.
fn finite(text: &str) -> Option<Meaning> {
    text.parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .map(Meaning::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_follow_the_yaml_1_2_core_schema() {
        assert_eq!(plain_meaning(""), Meaning::Null);
        assert_eq!(plain_meaning("~"), Meaning::Null);
        assert_eq!(plain_meaning("True"), Meaning::Bool(true));
        assert_eq!(plain_meaning("-12"), Meaning::Int(-12));
        assert_eq!(plain_meaning("0x1F"), Meaning::Int(31));
        assert_eq!(plain_meaning("0o17"), Meaning::Int(15));
        assert_eq!(plain_meaning("012"), Meaning::Int(12));
        assert_eq!(plain_meaning("1.5"), Meaning::Float(1.5));
        assert_eq!(plain_meaning(".5"), Meaning::Float(0.5));
        assert_eq!(plain_meaning("2e3"), Meaning::Float(2000.0));
        assert_eq!(
            plain_meaning("12345678901234567890"),
            Meaning::Float(1.2345678901234567e19)
        );
    }

    #[test]
    fn what_is_not_a_core_schema_value_is_text() {
        for text in [
            "yes", "on", "1_000", "1,234", "2022年", "1.2.3", ".inf", ".nan", "0x", "+-1", "1e400",
        ] {
            assert_eq!(plain_meaning(text), Meaning::Text, "{text}");
        }
    }
}
