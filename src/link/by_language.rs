//! [`ByLanguage`]: an article's or a page's translations, by language code.

/// Values by language code, in code order, as a `BTreeMap<String, T>` keeps them, but in one
/// short vector: a site speaks two or three languages, and a map's node (room for eleven
/// entries) made each of 10,000 articles carry a kilobyte and a half, which a large build
/// paid for in fresh memory while linking and in comparisons on every lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByLanguage<T> {
    entries: Vec<(String, T)>,
}

impl<T> ByLanguage<T> {
    /// No translation yet.
    pub fn new() -> Self {
        ByLanguage {
            entries: Vec::new(),
        }
    }

    /// The value for `lang`.
    pub fn get(&self, lang: &str) -> Option<&T> {
        self.entries
            .iter()
            .find(|(code, _)| code == lang)
            .map(|(_, value)| value)
    }

    /// Whether there is a value for `lang`.
    pub fn contains_key(&self, lang: &str) -> bool {
        self.get(lang).is_some()
    }

    /// Sets the value for `lang`, returning the one it replaces.
    pub fn insert(&mut self, lang: String, value: T) -> Option<T> {
        match self
            .entries
            .binary_search_by(|(code, _)| code.as_str().cmp(&lang))
        {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (lang, value));
                None
            }
        }
    }

    /// The language codes, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.entries.iter().map(|(code, _)| code)
    }

    /// The values, in the order of their codes.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.entries.iter().map(|(_, value)| value)
    }
}

impl<T> Default for ByLanguage<T> {
    fn default() -> Self {
        ByLanguage::new()
    }
}

impl<T> std::ops::Index<&str> for ByLanguage<T> {
    type Output = T;

    /// The value for `lang`; panics when there is none, as a map's index does.
    fn index(&self, lang: &str) -> &T {
        match self.get(lang) {
            Some(value) => value,
            None => panic!("no value for the language `{lang}`"),
        }
    }
}

impl<T> FromIterator<(String, T)> for ByLanguage<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(entries: I) -> Self {
        let mut map = ByLanguage::new();
        for (lang, value) in entries {
            map.insert(lang, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_codes_in_order_and_one_value_per_code() {
        let mut map = ByLanguage::new();
        assert_eq!(map.insert("fr".to_owned(), 1), None);
        assert_eq!(map.insert("ar".to_owned(), 2), None);
        assert_eq!(map.insert("en".to_owned(), 3), None);
        assert_eq!(map.insert("fr".to_owned(), 4), Some(1));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["ar", "en", "fr"]);
        assert_eq!(map.values().copied().collect::<Vec<_>>(), [2, 3, 4]);
        assert_eq!(map.keys().len(), 3);
        assert_eq!(map["en"], 3);
        assert_eq!(map.get("de"), None);
        assert!(map.contains_key("ar") && !map.contains_key("a"));
    }

    #[test]
    fn iterates_as_the_map_it_replaces() {
        let pairs = [("fr", 'f'), ("ar", 'a'), ("tzm", 't')];
        let map: ByLanguage<char> = pairs.iter().map(|&(k, v)| (k.to_owned(), v)).collect();
        let tree: std::collections::BTreeMap<String, char> =
            pairs.iter().map(|&(k, v)| (k.to_owned(), v)).collect();
        assert!(map.keys().zip(map.values()).eq(tree.iter()));
        assert!(map.values().rev().eq(tree.values().rev()));
    }
}
