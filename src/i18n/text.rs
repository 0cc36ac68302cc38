//! UI texts, placeholder until the UI lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text { AppName }
