//! Closed sets of choices typed at the edge (which way money moves, which preview, what an
//! import did): parsed into an enum once, and an unknown value is refused naming the field
//! and the value, never quietly taken as the first choice.

use crate::error::{Error, Problem};

/// The choice among `choices` (key, value) whose key is `input` (trimmed); otherwise an
/// `invalid.unknown_choice` error that lists the keys.
pub fn parse_choice<T: Copy>(
    field: &'static str,
    input: &str,
    choices: &[(&str, T)],
) -> crate::Result<T> {
    choices.iter().find(|(key, _)| *key == input.trim()).map(|(_, value)| *value).ok_or_else(|| {
        let allowed = choices.iter().map(|(key, _)| *key).collect::<Vec<_>>().join(", ");
        Error::invalid(field, input, Problem::UnknownChoice { allowed })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_are_refused_with_the_choices() {
        let choices = [("deposit", 1), ("withdraw", 2)];
        assert_eq!(parse_choice("direction", " withdraw ", &choices).unwrap(), 2);
        let e = parse_choice("direction", "withdrawl", &choices).unwrap_err();
        assert_eq!(e.code(), "invalid.unknown_choice");
        assert!(
            e.message_en().contains("withdrawl") && e.message_en().contains("deposit, withdraw"),
            "{}",
            e.message_en()
        );
        assert!(parse_choice("direction", "", &choices).is_err());
    }
}
