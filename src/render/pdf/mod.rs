//! A small A4 page layout engine on krilla: text runs placed glyph by glyph from our own
//! shaping (so `pdftotext` gets the exact Thai back through krilla's text ranges), rules,
//! wrapped paragraphs, tables whose header repeats on each new page, and a footer with
//! `หน้า X / N`, the printed date and the ledger fingerprint. Pages are laid out first and
//! drawn last, so every page knows N.
//!
//! We use krilla rather than printpdf: it subsets and embeds the font by itself and maps
//! each glyph cluster back to its text, which is exactly what Thai needs (ARCHITECTURE.md).

pub mod text;

use krilla::geom::{PathBuilder, Point};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::Document;
pub use text::Weight;

pub const A4_WIDTH: f32 = 595.28;
pub const A4_HEIGHT: f32 = 841.89;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Clone, Debug)]
enum Item {
    Text {
        x: f32,
        baseline: f32,
        run: text::Run,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A filled rectangle, `gray` from 0 (black) to 255 (white).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: u8,
    },
}

/// A table column: width in points and alignment (numbers right-aligned).
#[derive(Clone, Debug)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

pub struct PdfDoc {
    pages: Vec<Vec<Item>>,
    pub margin_left: f32,
    pub margin_right: f32,
    pub margin_top: f32,
    /// Where the footer starts; content stops above it.
    pub content_bottom: f32,
    /// Top of the next line (points from the top of the page).
    pub y: f32,
    footer_left: String,
    footer_right: String,
    title: String,
    table_header: Option<(Vec<Column>, f32)>,
    /// The page's size in points: A4 upright, or on its side for a wide table.
    width: f32,
    height: f32,
}

impl PdfDoc {
    /// A new document; the footer text is printed on every page beside `หน้า X / N`.
    pub fn new(title: &str, footer_left: &str, footer_right: &str) -> PdfDoc {
        PdfDoc {
            pages: vec![Vec::new()],
            margin_left: 50.0,
            margin_right: 50.0,
            margin_top: 45.0,
            content_bottom: A4_HEIGHT - 55.0,
            y: 45.0,
            footer_left: footer_left.to_string(),
            footer_right: footer_right.to_string(),
            title: title.to_string(),
            table_header: None,
            width: A4_WIDTH,
            height: A4_HEIGHT,
        }
    }

    /// The same on A4 turned on its side, for a register too wide to read upright.
    pub fn landscape(title: &str, footer_left: &str, footer_right: &str) -> PdfDoc {
        let mut doc = PdfDoc::new(title, footer_left, footer_right);
        (doc.width, doc.height) = (A4_HEIGHT, A4_WIDTH);
        doc.content_bottom = doc.height - 55.0;
        doc
    }

    pub fn content_width(&self) -> f32 {
        self.width - self.margin_left - self.margin_right
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn current(&mut self) -> &mut Vec<Item> {
        self.pages.last_mut().expect("at least one page")
    }

    /// Line height used for a font size (Sarabun needs room for marks above and below).
    pub fn line_height(size: f32) -> f32 {
        size * 1.45
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.margin_top;
        if let Some((columns, size)) = self.table_header.clone() {
            self.draw_table_header(&columns, size);
        }
    }

    /// Make room for `height` points, starting a new page if needed.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > self.content_bottom {
            self.new_page();
        }
    }

    /// Place one line of text at `x` with its top at `top`.
    // (each argument is one property of the placed text; a struct for them would be built
    // and torn down at every call site)
    #[allow(clippy::too_many_arguments)]
    pub fn text_at(
        &mut self,
        x: f32,
        top: f32,
        width: f32,
        s: &str,
        weight: Weight,
        size: f32,
        align: Align,
    ) {
        if s.is_empty() {
            return;
        }
        let run = text::shape(s, weight, size);
        let x = match align {
            Align::Left => x,
            Align::Right => x + width - run.width,
            Align::Center => x + (width - run.width) / 2.0,
        };
        // Baseline a little below the top: Sarabun's ascender with room for stacked marks.
        let baseline = top + size * 1.08;
        self.current().push(Item::Text { x, baseline, run });
    }

    /// One line across the content width, then move down.
    pub fn line(&mut self, s: &str, weight: Weight, size: f32, align: Align) {
        let h = Self::line_height(size);
        self.ensure(h);
        let (x, w, y) = (self.margin_left, self.content_width(), self.y);
        self.text_at(x, y, w, s, weight, size, align);
        self.y += h;
    }

    /// A wrapped paragraph at word boundaries.
    pub fn paragraph(&mut self, s: &str, weight: Weight, size: f32) {
        let w = self.content_width();
        for l in text::wrap(s, weight, size, w) {
            self.line(&l, weight, size, Align::Left);
        }
    }

    /// A left label and a right-aligned value on one line (e.g. ยอดยกมา ... 1,234.50).
    pub fn label_value(
        &mut self,
        indent: f32,
        label: &str,
        value: &str,
        weight: Weight,
        size: f32,
        value_right: f32,
    ) {
        let h = Self::line_height(size);
        self.ensure(h);
        let y = self.y;
        let x = self.margin_left + indent;
        self.text_at(x, y, value_right - indent, label, weight, size, Align::Left);
        self.text_at(self.margin_left, y, value_right, value, weight, size, Align::Right);
        self.y += h;
    }

    pub fn rule(&mut self, width: f32) {
        let (x1, x2, y) = (self.margin_left, self.width - self.margin_right, self.y);
        self.current().push(Item::Line { x1, y1: y, x2, y2: y, width });
    }

    pub fn rule_span(&mut self, x1: f32, x2: f32, y: f32, width: f32) {
        self.current().push(Item::Line { x1, y1: y, x2, y2: y, width });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, gray: u8) {
        self.current().push(Item::Rect { x, y, w, h, gray });
    }

    /// A small text at an absolute place (chart labels).
    pub fn label(&mut self, x: f32, top: f32, width: f32, s: &str, size: f32, align: Align) {
        self.text_at(x, top, width, s, Weight::Regular, size, align);
    }

    pub fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// Start a table: its header is drawn now and again at the top of every new page until
    /// `end_table`.
    pub fn begin_table(&mut self, columns: Vec<Column>, size: f32) {
        self.ensure(Self::line_height(size) * 2.0);
        self.draw_table_header(&columns, size);
        self.table_header = Some((columns, size));
    }

    fn draw_table_header(&mut self, columns: &[Column], size: f32) {
        let h = Self::line_height(size);
        let mut x = self.margin_left;
        let y = self.y;
        let total: f32 = columns.iter().map(|c| c.width).sum();
        self.rule_span(x, x + total, y, 0.8);
        for c in columns {
            let title = text::fit(&c.title, Weight::Bold, size, c.width - 6.0);
            self.text_at(x + 3.0, y + 1.0, c.width - 6.0, &title, Weight::Bold, size, c.align);
            x += c.width;
        }
        self.y += h + 2.0;
        let y = self.y - 1.0;
        let x0 = self.margin_left;
        self.rule_span(x0, x0 + total, y, 0.5);
    }

    pub fn table_row(&mut self, cells: &[String], weight: Weight) {
        let (columns, size) = self.table_header.clone().expect("begin_table first");
        let h = Self::line_height(size);
        self.ensure(h);
        let mut x = self.margin_left;
        let y = self.y;
        for (c, cell) in columns.iter().zip(cells) {
            let shown = text::fit(cell, weight, size, c.width - 6.0);
            self.text_at(x + 3.0, y, c.width - 6.0, &shown, weight, size, c.align);
            x += c.width;
        }
        self.y += h;
    }

    pub fn end_table(&mut self) {
        if let Some((columns, _)) = self.table_header.take() {
            let total: f32 = columns.iter().map(|c| c.width).sum();
            let (x, y) = (self.margin_left, self.y);
            self.rule_span(x, x + total, y, 0.8);
            self.y += 4.0;
        }
    }

    /// Signature blocks side by side: a dotted line, the name in brackets, the role.
    pub fn signatures(&mut self, roles: &[&str], size: f32) {
        let h = Self::line_height(size);
        self.ensure(h * 4.0);
        let w = self.content_width() / roles.len() as f32;
        let y = self.y;
        for (i, role) in roles.iter().enumerate() {
            let x = self.margin_left + w * i as f32;
            self.text_at(
                x,
                y,
                w,
                "ลงชื่อ ..................................",
                Weight::Regular,
                size,
                Align::Center,
            );
            self.text_at(
                x,
                y + h,
                w,
                "(..................................)",
                Weight::Regular,
                size,
                Align::Center,
            );
            self.text_at(x, y + 2.0 * h, w, role, Weight::Regular, size, Align::Center);
        }
        self.y += h * 3.2;
    }

    /// Draw everything and return the PDF bytes.
    pub fn finish(self) -> Vec<u8> {
        let total = self.pages.len();
        let mut document = Document::new();
        document.set_metadata(
            krilla::metadata::Metadata::new().title(self.title.clone()).creator("Kongthun".into()),
        );
        for (i, items) in self.pages.iter().enumerate() {
            let mut page = document
                .start_page_with(PageSettings::from_wh(self.width, self.height).expect("A4"));
            let mut surface = page.surface();
            let mut footer = items.clone();
            let fy = self.height - 40.0;
            let size = 9.0;
            let page_text = format!("หน้า {} / {}", i + 1, total);
            let w = self.width - self.margin_left - self.margin_right;
            let left = text::shape(&self.footer_left, Weight::Regular, size);
            let right = text::shape(&self.footer_right, Weight::Regular, size);
            let number = text::shape(&page_text, Weight::Regular, size);
            // The page number sits in the middle unless the side texts reach it; then it
            // takes a line of its own below them.
            let page_x = self.margin_left + (w - number.width) / 2.0;
            let crowded = self.margin_left + left.width + 6.0 > page_x
                || self.margin_left + w - right.width - 6.0 < page_x + number.width;
            let page_line = if crowded { fy + size * 2.3 } else { fy + size };
            for (run, x, baseline) in [
                (left, self.margin_left, fy + size),
                (number, page_x, page_line),
                (right.clone(), self.margin_left + w - right.width, fy + size),
            ] {
                if !run.text.is_empty() {
                    footer.push(Item::Text { x, baseline, run });
                }
            }
            footer.push(Item::Line {
                x1: self.margin_left,
                y1: fy - 4.0,
                x2: self.width - self.margin_right,
                y2: fy - 4.0,
                width: 0.4,
            });
            for item in &footer {
                match item {
                    Item::Text { x, baseline, run } => {
                        let f = text::face(run.weight);
                        surface.draw_glyphs(
                            Point::from_xy(*x, *baseline),
                            &run.glyphs,
                            f.pdf.clone(),
                            &run.text,
                            run.size,
                            false,
                        );
                    }
                    Item::Rect { x, y, w, h, gray } => {
                        let mut pb = PathBuilder::new();
                        if let Some(r) = krilla::geom::Rect::from_xywh(*x, *y, *w, *h) {
                            pb.push_rect(r);
                        }
                        if let Some(path) = pb.finish() {
                            surface.set_fill(Some(krilla::paint::Fill {
                                paint: krilla::color::luma::Color::new(*gray).into(),
                                ..Default::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_fill(None);
                        }
                    }
                    Item::Line { x1, y1, x2, y2, width } => {
                        let mut pb = PathBuilder::new();
                        pb.move_to(*x1, *y1);
                        pb.line_to(*x2, *y2);
                        if let Some(path) = pb.finish() {
                            surface
                                .set_stroke(Some(Stroke { width: *width, ..Default::default() }));
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                        }
                    }
                }
            }
            surface.finish();
            page.finish();
        }
        document.finish().expect("PDF serialises")
    }
}
