//! One keystroke's `update` + `draw` into a `TestBackend` on a ~10 MB article
//! (seed 000 repeated). Target: ≤ 1 ms.
//! Also times wrapping the whole 10 MB article (the rewrap worker's job) and a
//! resize (the part around the position wrapped, then drawn). Target: ≤ 16 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use ibid::app::{Action, AppState, Effect, update};
use ibid::document::{Document, InlineKind, Span};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Seed 000 repeated to ~10 MB. Built by shifting the parsed seed's spans
/// rather than parsing 10 MB: this bench measures a keystroke, not the parser.
fn big_doc(seed: &Document) -> Document {
    let body_end = seed.blocks.iter().map(|b| b.span.end).max().unwrap_or(0);
    let body = &seed.text[..body_end];
    let notes_text = &seed.text[body_end..];
    let copies = (10 << 20) / (body.len() + 1).max(1) + 1;
    let mut d = Document {
        meta: seed.meta.clone(),
        ..Document::default()
    };
    for _ in 0..copies {
        let off = d.text.len();
        d.text.push_str(body);
        d.text.push('\n');
        let nb = d.blocks.len();
        let mb = d.markers.len();
        let nn = d.notes.len();
        d.blocks.extend(seed.blocks.iter().map(|b| {
            let mut b = b.clone();
            b.span = Span::new(b.span.start + off, b.span.end + off);
            b
        }));
        d.markers.extend(seed.markers.iter().map(|m| {
            let mut m = m.clone();
            m.span = Span::new(m.span.start + off, m.span.end + off);
            m.block += nb;
            m.note = m.note.map(|n| n + nn);
            m
        }));
        d.inlines.extend(
            seed.inlines
                .iter()
                .filter(|i| i.span.start < body_end)
                .map(|i| {
                    let mut i = i.clone();
                    i.span = Span::new(i.span.start + off, i.span.end + off);
                    if let InlineKind::Marker { index } = &mut i.kind {
                        *index += mb;
                    }
                    i
                }),
        );
        d.notes.extend(seed.notes.iter().map(|n| {
            let mut n = n.clone();
            n.refers_to = n.refers_to.map(|x| x + nn);
            n.same_as = n.same_as.map(|x| x + nn);
            n.markers = n.markers.iter().map(|x| x + mb).collect();
            n
        }));
    }
    let notes_off = d.text.len();
    d.text.push_str(notes_text);
    for n in &mut d.notes {
        n.span = Span::new(
            n.span.start - body_end + notes_off,
            n.span.end - body_end + notes_off,
        );
    }
    d
}

fn big_state() -> AppState {
    let seed = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_90ed57cec86e1d59.txt"
    ));
    let small = ibid::library::read_document(&seed).expect("seed 000");
    let doc = big_doc(&small);
    assert!(doc.text.len() >= 10 << 20);
    let mut s = AppState::new(vec![seed], &HashMap::new());
    update(&mut s, Action::Resize(200, 50), std::time::UNIX_EPOCH);
    let generation = s.articles[0].generation;
    let fx = update(
        &mut s,
        Action::Loaded {
            article: 0,
            generation,
            result: Ok(Arc::new(doc)),
        },
        std::time::UNIX_EPOCH,
    );
    // The whole layout, as the rewrap worker would send it.
    for e in fx {
        if let Effect::Rewrap { key, doc } = e {
            let layout = Arc::new(ibid::app::view::layout(&doc, key.2, key.3));
            let reply = Action::Rewrapped { key, doc, layout };
            update(&mut s, reply, std::time::UNIX_EPOCH);
        }
    }
    assert!(!s.layout.as_ref().expect("laid out").partial);
    update(&mut s, Action::ScrollPages(1000), std::time::UNIX_EPOCH);
    s
}

fn keystroke(c: &mut Criterion) {
    let mut s = big_state();
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let mut down = true;
    c.bench_function("keystroke_update_draw_10MB", |b| {
        b.iter(|| {
            down = !down;
            update(
                &mut s,
                if down {
                    Action::ScrollLines(1)
                } else {
                    Action::ScrollLines(-1)
                },
                std::time::UNIX_EPOCH,
            );
            update(&mut s, Action::NextMarker, std::time::UNIX_EPOCH);
            term.draw(|f| ibid::ui::draw(f, &s)).expect("draw");
        });
    });
}

fn rewrap(c: &mut Criterion) {
    let s = big_state();
    let doc = s.doc().expect("loaded").clone();
    let mut g = c.benchmark_group("layout_10MB");
    g.sample_size(10);
    g.bench_function("width_120", |b| {
        b.iter(|| ibid::app::view::layout(&doc, 120, false))
    });
    g.finish();
}

/// A resize to a new width: the part around the position is wrapped and the
/// frame drawn (the whole layout follows on the worker, not timed here).
fn resize(c: &mut Criterion) {
    let mut s = big_state();
    let mut term = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let mut width = 100u16;
    c.bench_function("resize_update_draw_10MB", |b| {
        b.iter(|| {
            // A new width each time (80 of them): nothing comes from a cache.
            width = if width >= 180 { 101 } else { width + 1 };
            update(&mut s, Action::Resize(width, 50), std::time::UNIX_EPOCH);
            term.draw(|f| ibid::ui::draw(f, &s)).expect("draw");
        });
    });
    assert!(s.layout.as_ref().expect("laid out").partial);
}

criterion_group!(benches, keystroke, rewrap, resize);
criterion_main!(benches);
