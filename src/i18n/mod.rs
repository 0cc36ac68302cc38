//! Everything the user reads goes through here, in English and Bahasa Indonesia.
//! Texts are matched exhaustively per language, so a text missing in one language
//! does not compile.

mod lang;
mod text;
pub mod vocabulary;

pub use lang::Lang;
pub use text::Text;
