//! Everything the user reads goes through here, in English and Bahasa Indonesia.

mod lang;
mod text;

pub use lang::Lang;
pub use text::Text;
