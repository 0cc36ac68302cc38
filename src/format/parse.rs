//! A file's JSON parsed a slice of list elements at a time: the same tree as
//! [`parse_json`], without one long call (parsing 2 MB, 5,000 stakeholders and
//! 15,000 links, took the page 60 ms at once).

use super::decode::{json_body, parse_json};
use super::problem::Invalid;
use serde_json::{Map as Object, Value};

/// [`parse_json`] in steps. The text is read from the start: the top-level
/// object's fields one by one, each list one element at a time, and each element
/// (and each field that is not a list) is handed to serde_json, which checks it
/// whole. Only the few characters between them (braces, brackets, commas, colons)
/// are read here. [`Parsing::read`] goes on for a number of elements; a text that
/// is not laid out so (not JSON, not an object, too large) is parsed whole by
/// [`Parsing::finish`], which so gives `parse_json`'s answer, problems and all.
pub struct Parsing<'t> {
    text: &'t str,
    /// The JSON (the text without a byte order mark), or `None` for text left to
    /// `finish`: `parse_json` refuses it before parsing, or it is not laid out as
    /// an object of fields.
    body: Option<&'t str>,
    /// Where in `body` reading goes on.
    at: usize,
    next: Next,
    /// The fields read so far; a repeated key keeps its last value, as in a tree.
    fields: Object<String, Value>,
    /// The list being read: its key and its elements so far.
    list: Option<(String, Vec<Value>)>,
    /// A big object element being read in steps of its own (each map of a
    /// backup), and where it ends.
    inner: Option<(Box<Parsing<'t>>, usize)>,
}

/// An object element longer than this is read in steps of its own: a backup's map
/// of 5,000 stakeholders parsed as one element took the page over 100 ms.
const BIG_ELEMENT_BYTES: usize = 64 * 1024;

/// What comes next in the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    /// The `{` that opens the object.
    Object,
    /// The first field's key, or the `}` of an empty object.
    FirstKey,
    /// A field's key, after a comma.
    Key,
    /// The first element of the list being read, or the `]` of an empty list.
    FirstElement,
    /// An element, after a comma.
    Element,
    /// A `,` or the `]` after an element.
    AfterElement,
    /// A `,` or the `}` after a field.
    AfterField,
    /// Nothing: the object is read.
    Done,
}

impl<'t> Parsing<'t> {
    /// Nothing is read yet: a parsing starts at once.
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            body: json_body(text).ok(),
            at: 0,
            next: Next::Object,
            fields: Object::new(),
            list: None,
            inner: None,
        }
    }

    /// Parses up to `elements` more list elements (those of a big element's lists
    /// included); `true` once none is left.
    pub fn read(&mut self, elements: usize) -> bool {
        let mut budget = elements;
        self.read_within(&mut budget)
    }

    /// [`Parsing::read`], taking the elements it parses off `budget`.
    fn read_within(&mut self, budget: &mut usize) -> bool {
        loop {
            let Some(body) = self.body else { return true };
            if let Some((inner, end)) = self.inner.as_mut() {
                if !inner.read_within(budget) {
                    return false;
                }
                let end = *end;
                let inner = self.inner.take().map(|(inner, _)| inner.finish());
                match (inner, self.list.as_mut()) {
                    (Some(Ok(value)), Some((_, elements))) => {
                        elements.push(value);
                        self.at = end;
                        self.next = Next::AfterElement;
                    }
                    // Not JSON after all: `finish` parses the whole text, and says why.
                    _ => self.body = None,
                }
                continue;
            }
            let bytes = body.as_bytes();
            self.at = skip_space(bytes, self.at);
            let found = match self.next {
                Next::Done => return true,
                Next::Object => self.expect(bytes, b'{').map(|()| Next::FirstKey),
                Next::FirstKey if bytes.get(self.at) == Some(&b'}') => self.close(),
                Next::FirstKey | Next::Key => self.field(body),
                Next::FirstElement if bytes.get(self.at) == Some(&b']') => self.end_list(),
                Next::FirstElement | Next::Element => {
                    if *budget == 0 {
                        return false;
                    }
                    *budget -= 1;
                    self.element(body)
                }
                Next::AfterElement => match bytes.get(self.at) {
                    Some(b',') => self.step(Next::Element),
                    _ => self.end_list(),
                },
                Next::AfterField => match bytes.get(self.at) {
                    Some(b',') => self.step(Next::Key),
                    _ => self.close(),
                },
            };
            match found {
                Some(next) => self.next = next,
                // Not laid out as expected: `finish` parses it whole, and says why.
                None => self.body = None,
            }
        }
    }

    /// The whole tree, parsing whatever is left.
    pub fn finish(mut self) -> Result<Value, Invalid> {
        self.read(usize::MAX);
        match self.body {
            Some(_) => Ok(Value::Object(self.fields)),
            None => parse_json(self.text),
        }
    }

    fn expect(&mut self, bytes: &[u8], byte: u8) -> Option<()> {
        (bytes.get(self.at) == Some(&byte)).then(|| self.at += 1)
    }

    fn step(&mut self, next: Next) -> Option<Next> {
        self.at += 1;
        Some(next)
    }

    /// A field's key, its colon and its value: a list is opened, anything else is
    /// parsed at once.
    fn field(&mut self, body: &str) -> Option<Next> {
        let bytes = body.as_bytes();
        let key_end = value_end(bytes, self.at).filter(|_| bytes.get(self.at) == Some(&b'"'))?;
        let key: String = serde_json::from_str(&body[self.at..key_end]).ok()?;
        self.at = skip_space(bytes, key_end);
        self.expect(bytes, b':')?;
        self.at = skip_space(bytes, self.at);
        if bytes.get(self.at) == Some(&b'[') {
            self.at += 1;
            self.list = Some((key, Vec::new()));
            return Some(Next::FirstElement);
        }
        let end = value_end(bytes, self.at)?;
        let value = serde_json::from_str(&body[self.at..end]).ok()?;
        self.fields.insert(key, value);
        self.at = end;
        Some(Next::AfterField)
    }

    fn element(&mut self, body: &'t str) -> Option<Next> {
        let end = value_end(body.as_bytes(), self.at)?;
        if end - self.at > BIG_ELEMENT_BYTES && body.as_bytes()[self.at] == b'{' {
            // Read in steps of its own; the element is added once it is whole.
            self.inner = Some((Box::new(Parsing::new(&body[self.at..end])), end));
            return Some(Next::Element);
        }
        let value = serde_json::from_str(&body[self.at..end]).ok()?;
        self.list.as_mut()?.1.push(value);
        self.at = end;
        Some(Next::AfterElement)
    }

    /// The `]` that closes the list being read.
    fn end_list(&mut self) -> Option<Next> {
        let bytes = self.body?.as_bytes();
        self.expect(bytes, b']')?;
        let (key, elements) = self.list.take()?;
        self.fields.insert(key, Value::Array(elements));
        Some(Next::AfterField)
    }

    /// The `}` that closes the object, with nothing but white space after it.
    fn close(&mut self) -> Option<Next> {
        let bytes = self.body?.as_bytes();
        self.expect(bytes, b'}')?;
        (skip_space(bytes, self.at) == bytes.len()).then_some(Next::Done)
    }
}

/// The first position from `at` that is not JSON white space.
fn skip_space(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .map_or(at, |rest| at + rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count())
}

/// Where the JSON value that starts at `at` ends, found by its brackets and
/// quotes alone: serde_json then checks the value itself. `None` when it does not
/// end before the text does.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        // A number, true, false or null: up to the next delimiter.
        _ => Some(
            at + bytes[at..]
                .iter()
                .take_while(|b| !matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                .count(),
        ),
    }
}

/// Where the string that opens with the quote at `at` ends, after its closing quote.
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}
