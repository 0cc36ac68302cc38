//! The paper a print layout is set for: chosen in the print preview, opened from the
//! File menu, held in the app's state.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}
