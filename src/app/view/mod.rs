//! The pure view layer: text measuring and wrapping, body layout, pane and
//! list geometry, URL finding and the help rows. `update` and `ui` both use
//! it; it imports nothing from `ui`, so `app` never depends on drawing.

pub mod body;
pub mod help;
pub mod links;
pub mod list;
pub mod notes;
pub mod panes;
pub mod partial;
pub mod text;

pub use body::{
    BodyLayout, BodyLine, CODE, EMPH, LINK, LineKind, MARKER, MarkerPos, STRONG, Seg, layout,
    segments, styles_in,
};
pub use panes::{LIST_MIN_WIDTH, NOTES_MIN_WIDTH, Panes, centered, panes};
pub use text::{cells, preformatted_lines, truncate, wrap};
