//! Thai text for print: the Sarabun fonts compiled in, shaping with rustybuzz (so tone marks
//! stack over upper vowels: ที่ นี้ ผู้ใหญ่), and line breaking at word boundaries with ICU's
//! dictionary segmenter (Thai has no spaces between words; the LSTM model splits สัจ|จะ).

use icu_segmenter::LineSegmenter;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Sarabun-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/Sarabun-Bold.ttf");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

pub struct Face {
    pub shaper: rustybuzz::Face<'static>,
    pub pdf: Font,
    units_per_em: f32,
}

fn load(data: &'static [u8]) -> Face {
    let shaper = rustybuzz::Face::from_slice(data, 0).expect("bundled font parses");
    let units_per_em = shaper.units_per_em() as f32;
    let pdf = Font::new(data.into(), 0).expect("bundled font loads");
    Face { shaper, pdf, units_per_em }
}

pub fn face(weight: Weight) -> &'static Face {
    static R: OnceLock<Face> = OnceLock::new();
    static B: OnceLock<Face> = OnceLock::new();
    match weight {
        Weight::Regular => R.get_or_init(|| load(REGULAR)),
        Weight::Bold => B.get_or_init(|| load(BOLD)),
    }
}

/// A shaped line of text: glyphs positioned in em units, and its width at `size` points.
#[derive(Clone, Debug)]
pub struct Run {
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    pub weight: Weight,
    pub size: f32,
    pub width: f32,
}

pub fn shape(text: &str, weight: Weight, size: f32) -> Run {
    let f = face(weight);
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let output = rustybuzz::shape(&f.shaper, &[], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    let upem = f.units_per_em;
    let mut glyphs = Vec::with_capacity(infos.len());
    let mut width = 0.0;
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let start = info.cluster as usize;
        // A cluster's text runs to the next glyph with a different cluster (LTR text).
        let end = infos[i + 1..]
            .iter()
            .map(|n| n.cluster as usize)
            .find(|c| *c != start)
            .unwrap_or(text.len());
        let end = end.max(start);
        glyphs.push(KrillaGlyph::new(
            GlyphId::new(info.glyph_id),
            pos.x_advance as f32 / upem,
            pos.x_offset as f32 / upem,
            pos.y_offset as f32 / upem,
            pos.y_advance as f32 / upem,
            start..end,
            None,
        ));
        width += pos.x_advance as f32 / upem * size;
    }
    merge_offset_clusters(&mut glyphs);
    Run { text: text.to_string(), glyphs, weight, size, width }
}

/// A mark moved sideways (ป + ั้ : the marks shift left of the tall consonant) makes krilla
/// write a positioning adjustment after it, which text extractors read as a space
/// ("ปั้ นทอง"). Joining such a cluster with the next one puts both under one ActualText
/// span, so the text comes back exactly.
fn merge_offset_clusters(glyphs: &mut [KrillaGlyph]) {
    let mut i = 0;
    while i < glyphs.len() {
        let range = glyphs[i].text_range.clone();
        let mut j = i;
        while j < glyphs.len() && glyphs[j].text_range == range {
            j += 1;
        }
        let shifted = glyphs[j - 1].x_offset != 0.0;
        if shifted && j < glyphs.len() {
            let next = glyphs[j].text_range.clone();
            let mut k = j;
            while k < glyphs.len() && glyphs[k].text_range == next {
                k += 1;
            }
            let merged = range.start..next.end;
            for g in &mut glyphs[i..k] {
                g.text_range = merged.clone();
            }
            // look at the merged cluster again: its new tail may be shifted too
            continue;
        }
        i = j;
    }
}

pub fn width(text: &str, weight: Weight, size: f32) -> f32 {
    shape(text, weight, size).width
}

fn segmenter() -> &'static icu_segmenter::LineSegmenterBorrowed<'static> {
    static S: OnceLock<icu_segmenter::LineSegmenterBorrowed<'static>> = OnceLock::new();
    S.get_or_init(|| LineSegmenter::new_dictionary(Default::default()))
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// `text` cut to fit `max_width` with an ellipsis, never between a consonant and its marks.
pub fn fit(text: &str, weight: Weight, size: f32, max_width: f32) -> String {
    if width(text, weight, size) <= max_width {
        return text.to_string();
    }
    let cuts: Vec<usize> =
        text.char_indices().filter(|(i, c)| *i > 0 && !is_combining(*c)).map(|(i, _)| i).collect();
    let (mut lo, mut hi) = (0usize, cuts.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate = format!("{}…", text[..cuts[mid - 1]].trim_end());
        if width(&candidate, weight, size) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return "…".into();
    }
    format!("{}…", text[..cuts[lo - 1]].trim_end())
}

/// Compounds the dictionary splits into two words but a reader takes as one; never broken.
const KEEP_WHOLE: &[&str] = &[
    "เห็นชอบ",
    "เห็นด้วย",
    "งดออกเสียง",
    "องค์ประชุม",
    "เสียชีวิต",
    "ถูกให้ออก",
    "ผู้ใหญ่บ้าน",
    "เงินสัจจะ",
    "ยอดยกมา",
    "ยอดยกไป",
    "ผู้ตรวจสอบ",
];

/// Break opportunities of a paragraph, without those inside the compounds above.
fn break_points(paragraph: &str) -> Vec<usize> {
    let mut inside = Vec::new();
    for word in KEEP_WHOLE {
        for (start, _) in paragraph.match_indices(word) {
            inside.push(start + 1..start + word.len());
        }
    }
    segmenter().segment_str(paragraph).filter(|b| !inside.iter().any(|r| r.contains(b))).collect()
}

/// Break `text` into lines no wider than `max_width` points, only at word boundaries (a word
/// longer than the line is kept whole rather than cut inside a syllable).
pub fn wrap(text: &str, weight: Weight, size: f32, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let breaks = break_points(paragraph);
        let mut line_start = 0;
        let mut last_fit = None;
        let mut i = 0;
        while i < breaks.len() {
            let b = breaks[i];
            if b <= line_start {
                i += 1;
                continue;
            }
            let candidate = paragraph[line_start..b].trim_end();
            if width(candidate, weight, size) <= max_width || last_fit.is_none() {
                last_fit = Some(b);
                i += 1;
                continue;
            }
            let end = last_fit.take().expect("checked above");
            lines.push(paragraph[line_start..end].trim_end().to_string());
            line_start = end;
        }
        lines.push(paragraph[line_start..].trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_wraps_between_words_not_inside_them() {
        let text = "เงินสัจจะของสมาชิกผู้ใหญ่บ้านหนองน้ำใสที่ฝากไว้กับกองทุนสวัสดิการชุมชน";
        let lines = wrap(text, Weight::Regular, 14.0, 120.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), text);
        let joined = lines.join("|");
        for word in ["สัจจะ", "ผู้ใหญ่", "สมาชิก", "กองทุน"]
        {
            assert!(joined.contains(word), "{word} split in {joined}");
        }
    }

    #[test]
    fn fit_cuts_between_clusters_with_an_ellipsis() {
        let long = "รับเงินสมทบ เงินสัจจะ นางสาวน้ำทิพย์ ปั้นทอง ผู้ใหญ่บ้าน";
        let cut = fit(long, Weight::Regular, 10.0, 90.0);
        assert!(cut.ends_with('…') && cut.len() < long.len(), "{cut}");
        assert!(width(&cut, Weight::Regular, 10.0) <= 90.0);
        let kept = cut.trim_end_matches('…');
        assert!(long.starts_with(kept));
        assert!(
            !kept.ends_with(is_combining)
                || kept.chars().last().is_some_and(|c| !is_combining(c))
                || long[kept.len()..].chars().next().is_some_and(|c| !is_combining(c))
        );
        assert_eq!(fit("สั้น", Weight::Regular, 10.0, 90.0), "สั้น");
    }

    #[test]
    fn compounds_are_kept_whole() {
        for width in [40.0, 60.0, 80.0, 100.0, 140.0] {
            let lines = wrap("ขาดส่ง 0 ลาออก 0 เสียชีวิต 0 ถูกให้ออก 0", Weight::Regular, 12.0, width);
            let joined = lines.join("|");
            assert!(joined.contains("เสียชีวิต") && joined.contains("ถูกให้ออก"), "{joined}");
        }
    }

    #[test]
    fn marks_are_shaped_onto_their_consonant() {
        // ที่ : the tone mark over an upper vowel is placed by GPOS, not advanced.
        let run = shape("ที่", Weight::Regular, 14.0);
        assert_eq!(run.glyphs.len(), 3);
        assert!(run.glyphs[1].x_advance == 0.0 && run.glyphs[2].x_advance == 0.0);
        assert!(run.width > 0.0);
    }
}
