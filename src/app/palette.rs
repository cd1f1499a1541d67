//! Themes as data: the styles in `ui::theme` are written in the dark
//! palette's colours (one colour per role, the "slots" below); a `Palette`
//! maps each slot to the colour the chosen theme uses, and `ui::theme::apply`
//! repaints the finished frame through it. `NO_COLOR` drops every colour but
//! keeps bold, underline and reverse, and shows a background highlight as
//! reverse video, so focus, selections and matches stay visible.
//! Pure: the shell reads the environment and the config and passes them in.

use ratatui::style::Color;
use std::collections::BTreeMap;

/// The colour slots: (config name, the colour `ui::theme` writes for it,
/// which is the dark theme's, and the light theme's colour).
pub const SLOTS: &[(&str, Color, Color)] = &[
    ("accent", Color::Cyan, Color::Rgb(0, 90, 160)),
    ("marker", Color::Yellow, Color::Rgb(150, 90, 0)),
    ("code", Color::Green, Color::Rgb(0, 110, 0)),
    ("link", Color::Blue, Color::Rgb(0, 60, 190)),
    ("search", Color::LightMagenta, Color::Rgb(200, 120, 220)),
    ("error", Color::Red, Color::Rgb(190, 0, 0)),
    ("text", Color::White, Color::Black),
    ("muted", Color::Gray, Color::Rgb(80, 80, 80)),
    ("dim", Color::DarkGray, Color::Rgb(125, 125, 125)),
    ("contrast", Color::Black, Color::White),
    (
        "status_bg",
        Color::Rgb(30, 30, 30),
        Color::Rgb(222, 222, 222),
    ),
    ("note_bg", Color::Rgb(40, 40, 70), Color::Rgb(214, 214, 240)),
    (
        "annotated_bg",
        Color::Rgb(70, 60, 0),
        Color::Rgb(250, 235, 160),
    ),
    (
        "landing_bg",
        Color::Rgb(35, 55, 35),
        Color::Rgb(205, 235, 205),
    ),
    ("selection", Color::LightBlue, Color::Rgb(60, 110, 200)),
    ("annotation", Color::Magenta, Color::Rgb(150, 0, 150)),
];

/// The theme a palette was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    /// Light text on a dark terminal (the default).
    Dark,
    /// Dark text on a light terminal.
    Light,
}

/// A colour mapping for drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// The base theme.
    pub name: ThemeName,
    /// `NO_COLOR`: no colour at all.
    pub no_color: bool,
    /// Slot colour → colour to draw, for the slots that change.
    pub map: Vec<(Color, Color)>,
}

impl Default for Palette {
    fn default() -> Self {
        Self::new(ThemeName::Dark, false)
    }
}

impl Palette {
    /// The built-in `name` theme (`no_color`: no colours at all).
    #[must_use]
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        let map = match name {
            ThemeName::Dark => Vec::new(),
            ThemeName::Light => SLOTS.iter().map(|(_, from, to)| (*from, *to)).collect(),
        };
        Self {
            name,
            no_color,
            map,
        }
    }

    /// The built-in theme with the user's colours (`slot name → colour`:
    /// a name such as `"blue"`, `"#2060c0"` or an index `"33"`) over it.
    ///
    /// # Errors
    /// One line naming the unknown slot or the colour that does not parse.
    pub fn with_colors(
        name: ThemeName,
        no_color: bool,
        colors: &BTreeMap<String, String>,
    ) -> Result<Self, String> {
        let mut p = Self::new(name, no_color);
        for (slot, value) in colors {
            let Some((_, from, _)) = SLOTS.iter().find(|(n, _, _)| n == slot) else {
                let names: Vec<&str> = SLOTS.iter().map(|(n, _, _)| *n).collect();
                return Err(format!(
                    "theme.colors.{slot}: unknown colour slot (slots: {})",
                    names.join(", ")
                ));
            };
            let to: Color = value
                .parse()
                .map_err(|_| format!("theme.colors.{slot}: {value:?} is not a colour"))?;
            p.map.retain(|(f, _)| f != from);
            p.map.push((*from, to));
        }
        Ok(p)
    }

    /// The colour to draw for `c` (colours outside the slots stay).
    #[must_use]
    pub fn color(&self, c: Color) -> Color {
        if self.no_color {
            return Color::Reset;
        }
        self.map
            .iter()
            .find(|(f, _)| *f == c)
            .map_or(c, |(_, t)| *t)
    }

    /// True when drawing changes nothing (the dark theme with colour).
    #[must_use]
    pub fn is_identity(&self) -> bool {
        !self.no_color && self.map.iter().all(|(f, t)| f == t)
    }
}

/// The theme to use: `"dark"`, `"light"`, or `"auto"` (light when
/// `COLORFGBG`, as xterm and rxvt set it, says the background is light).
#[must_use]
pub fn pick(setting: &str, colorfgbg: Option<&str>) -> ThemeName {
    match setting {
        "light" => ThemeName::Light,
        "dark" => ThemeName::Dark,
        _ => {
            let bg = colorfgbg
                .and_then(|v| v.rsplit(';').next())
                .and_then(|b| b.trim().parse::<u8>().ok());
            match bg {
                Some(7 | 15) => ThemeName::Light,
                _ => ThemeName::Dark,
            }
        }
    }
}

/// `NO_COLOR` is set to anything but the empty string (no-color.org).
#[must_use]
pub fn no_color(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_maps_every_slot_and_dark_none() {
        let d = Palette::new(ThemeName::Dark, false);
        assert!(d.is_identity());
        assert_eq!(d.color(Color::Cyan), Color::Cyan);
        let l = Palette::new(ThemeName::Light, false);
        assert_eq!(l.color(Color::White), Color::Black, "text turns dark");
        assert_eq!(l.color(Color::Reset), Color::Reset);
        assert!(!l.is_identity());
    }

    #[test]
    fn no_color_drops_everything() {
        let p = Palette::new(ThemeName::Light, true);
        assert_eq!(p.color(Color::Cyan), Color::Reset);
        assert_eq!(p.color(Color::Rgb(1, 2, 3)), Color::Reset);
        assert!(no_color(Some("1")));
        assert!(!no_color(Some("")));
        assert!(!no_color(None));
    }

    #[test]
    fn user_colours_override_slots_and_errors_name_them() {
        let mut c = BTreeMap::new();
        c.insert("accent".to_string(), "#102030".to_string());
        let p = Palette::with_colors(ThemeName::Dark, false, &c).expect("valid");
        assert_eq!(p.color(Color::Cyan), Color::Rgb(16, 32, 48));
        c.insert("acent".to_string(), "red".to_string());
        let e = Palette::with_colors(ThemeName::Dark, false, &c).expect_err("bad slot");
        assert!(e.contains("theme.colors.acent"), "{e}");
        let mut c = BTreeMap::new();
        c.insert("marker".to_string(), "not-a-colour".to_string());
        let e = Palette::with_colors(ThemeName::Light, false, &c).expect_err("bad colour");
        assert!(e.contains("not-a-colour"), "{e}");
    }

    #[test]
    fn auto_follows_colorfgbg() {
        assert_eq!(pick("auto", Some("0;15")), ThemeName::Light);
        assert_eq!(pick("auto", Some("15;0")), ThemeName::Dark);
        assert_eq!(pick("auto", None), ThemeName::Dark);
        assert_eq!(pick("light", None), ThemeName::Light);
        assert_eq!(pick("dark", Some("0;15")), ThemeName::Dark);
    }
}
