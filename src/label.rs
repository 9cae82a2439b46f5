//! [`Label`]: an id, a name or a grade, shared rather than copied. Every rep's result
//! repeats the rep's id and names, each KPI's id and category, each line's and bonus's id,
//! the grade: as `String`s they were some forty allocations per rep per evaluation; a label
//! is cloned by counting a reference. It reads, compares, prints and serialises as the text.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use arcstr::ArcStr;

/// Immutable shared text; `Deref`s to `str`. One pointer wide (`ArcStr` keeps the length
/// with the text), so a rep's five labels take 20 bytes in wasm instead of 40.
#[derive(Clone)]
pub struct Label(ArcStr);

impl PartialEq for Label {
    /// Copies of one label are the same text without reading it (a grade against the
    /// plan's grades, a rep's region against a bonus's).
    fn eq(&self, other: &Label) -> bool {
        ArcStr::ptr_eq(&self.0, &other.0) || self.as_str() == other.as_str()
    }
}

impl Eq for Label {}

impl std::hash::Hash for Label {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Label {
    fn partial_cmp(&self, other: &Label) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Label {
    fn cmp(&self, other: &Label) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Label {
    /// A label of text built in at compile time (`arcstr::literal!`): made without allocating.
    pub const fn built_in(text: ArcStr) -> Label {
        Label(text)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `other` is a copy of this very label (not only the same text).
    pub fn is_copy_of(&self, other: &Label) -> bool {
        ArcStr::ptr_eq(&self.0, &other.0)
    }
}

/// One label per distinct text: the data's regions and roles, repeated on every rep, are
/// then the same label, so grouping reps by region compares addresses instead of text
/// (and the data holds one copy of each name).
#[derive(Debug, Default)]
pub struct LabelSet(rustc_hash::FxHashSet<Label>);

impl LabelSet {
    /// The label with this text: the one given before, or a new one kept for next time.
    pub fn get(&mut self, text: &str) -> Label {
        if let Some(label) = self.0.get(text) {
            return label.clone();
        }
        let label = Label::from(text);
        self.0.insert(label.clone());
        label
    }
}

impl Default for Label {
    /// The empty label (no allocation).
    fn default() -> Self {
        Label(ArcStr::new())
    }
}

impl Deref for Label {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Label {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Label {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Label {
    fn from(text: &str) -> Self {
        Label(ArcStr::from(text))
    }
}

impl From<String> for Label {
    fn from(text: String) -> Self {
        Label(ArcStr::from(text))
    }
}

impl From<&String> for Label {
    fn from(text: &String) -> Self {
        Label(ArcStr::from(text.as_str()))
    }
}

impl From<Label> for String {
    fn from(label: Label) -> Self {
        label.0.to_string()
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Label {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Label> for str {
    fn eq(&self, other: &Label) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Label> for &str {
    fn eq(&self, other: &Label) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Label> for String {
    fn eq(&self, other: &Label) -> bool {
        **self == *other.0
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Label::from)
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Label {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::Label;

    #[test]
    fn a_label_is_its_text() {
        let id = Label::from("E01");
        assert_eq!(id, "E01");
        assert_eq!("E01", id);
        assert_eq!(id, String::from("E01"));
        assert_eq!((id.to_string(), format!("{id:?}"), format!("[{id:<5}]")), ("E01".to_string(), "\"E01\"".to_string(), "[E01  ]".to_string()));
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"E01\"");
        assert_eq!(serde_json::from_str::<Label>("\"王芳\"").unwrap(), "王芳");
        assert!(Label::default().is_empty());
        let mut ids = rustc_hash::FxHashMap::default();
        ids.insert(id.clone(), 1);
        assert_eq!(ids.get("E01"), Some(&1));
    }
}
