//! Centralities of stakeholders on the simple stakeholder graph, equal to
//! networkx's (eigenvector within 1e-4, the rest within 1e-9).

mod degree;
mod eigenvector;
mod shortest_paths;

pub use degree::degree_centrality;
pub use eigenvector::{eigenvector_centrality, Eigenvector};
pub use shortest_paths::{path_centralities, PathCentralities};
