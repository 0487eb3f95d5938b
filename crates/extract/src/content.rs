//! Main-content extraction over a parsed [`Dom`].
//!
//! 1. **Prune**: mark furniture dead (dropped tags, hidden elements, noise roles and
//!    class/id vocabulary), guarding elements that hold the named article body or most of
//!    the page's prose.
//! 2. **Measure**: per node, the live text length, the part of it inside links, and commas,
//!    summed bottom-up in one pass (arena order puts parents before children).
//! 3. **Choose** the article root: an element whose class/id/itemprop names the body, else
//!    readability-style scoring, where each text block credits its ancestors and link-heavy
//!    candidates lose; the root absorbs a nearby lead, and siblings that score well or are
//!    plain prose join it.
//! 4. **Emit** blocks from the chosen roots in reading order and drop link lists,
//!    link-dominated lines, date/number debris and labels of removed boxes.
//! 5. **Compare** with a baseline, all live blocks of 40+ characters in the page: when it
//!    holds far more text, the choice missed part of the article and the baseline (plus
//!    the choice's own short blocks) is used. `<noscript>` content is tried when a page
//!    yields almost nothing, then a loose pass that prunes only by tag and visibility
//!    (articles inside `comment`-named boxes or `<form>` wrappers).

use crate::boilerplate::{
    body_marker, class_id, class_marker, class_weight, is_comment_class, is_hidden, is_noise_class,
    is_noise_role,
};
use crate::dom::{Dom, NodeData, NodeId, flags};

/// Per-node measurements used by the choice and emit steps.
struct Analysis<'a> {
    dom: &'a Dom,
    dead: Vec<bool>,
    /// Live (not dead) text characters below the node, whitespace excluded.
    text: Vec<u32>,
    /// Of `text`, characters inside `<a>`.
    link: Vec<u32>,
    commas: Vec<u32>,
    /// Text characters in the node's own text children (not in child elements).
    own: Vec<u32>,
    /// All text characters below the node, dead or alive.
    raw: Vec<u32>,
    /// How strongly the element's class/id/itemprop names the article body (0 = not).
    marker: Vec<u8>,
}

fn count_chars(t: &str) -> (u32, u32) {
    let mut n = 0u32;
    let mut commas = 0u32;
    for c in t.chars() {
        if !c.is_whitespace() {
            n += 1;
        }
        if matches!(c, ',' | '，' | '、' | '،') {
            commas += 1;
        }
    }
    (n, commas)
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

impl<'a> Analysis<'a> {
    /// Measure `dom`. With `keep_noscript`, `<noscript>` content counts as page text (some
    /// pages put the whole article there for readers without JavaScript). With `loose`, only
    /// tag-level drops and hidden elements are pruned: furniture classes (`comment`,
    /// `product-form`) and `<form>` wrappers are kept, for pages whose strict pass found
    /// (almost) nothing because the article sits in such a container.
    fn new(dom: &'a Dom, keep_noscript: bool, loose: bool) -> Self {
        let n = dom.nodes.len();
        let mut raw = vec![0u32; n];
        for i in (1..n).rev() {
            let node = &dom.nodes[i];
            if let NodeData::Text(t) = &node.data {
                raw[i] = count_chars(t).0;
            }
            if let Some(p) = node.parent {
                raw[p] = raw[p].saturating_add(raw[i]);
            }
        }
        let body = dom.find_all("body").next().unwrap_or(0);
        let page = raw[body].max(1) as f32;
        // Prose: characters in paragraphs of 100+ characters that are hardly links. An
        // element holding most of the page's prose is the article's container whatever its
        // class says (`<div class="documentcontent__sharingcontainer">`).
        let mut raw_link = vec![0u32; n];
        let mut link_flag = vec![false; n];
        for i in 1..n {
            let p = dom.nodes[i].parent.unwrap_or(0);
            link_flag[i] = link_flag[p] || dom.tag(i) == "a";
        }
        let mut prose = vec![0u32; n];
        for i in (1..n).rev() {
            if link_flag[i] && matches!(dom.nodes[i].data, NodeData::Text(_)) {
                raw_link[i] = raw[i];
            }
            if dom.tag(i) == "p" && raw[i] >= 100 && (raw_link[i] as f32) < 0.2 * raw[i] as f32 {
                prose[i] = raw[i];
            }
            if let Some(p) = dom.nodes[i].parent {
                raw_link[p] = raw_link[p].saturating_add(raw_link[i]);
                prose[p] = prose[p].saturating_add(prose[i]);
            }
        }
        let page_prose = prose[body].max(1) as f32;
        // Whether a node is, or holds, an element named as the article body: such nodes are
        // never pruned, whatever their own class says (`<div class="socialicons-sticky">`
        // around `<div class="entry-content">`).
        let mut holds_body = vec![false; n];
        let mut marker = vec![0u8; n];
        // Templates repeat the same class strings; match each distinct one once.
        let mut marker_cache: std::collections::HashMap<String, u8> = Default::default();
        for i in (1..n).rev() {
            if let Some(el) = dom.element(i) {
                if el.attrs.is_empty() {
                    // no class, id or itemprop: nothing to mark
                } else if el
                    .attr("itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
                {
                    marker[i] = body_marker(el, "");
                } else {
                    let ci = class_id(el);
                    marker[i] = match marker_cache.get(&ci) {
                        Some(&m) => m,
                        None => {
                            let m = class_marker(&ci);
                            marker_cache.insert(ci, m);
                            m
                        }
                    };
                }
                if raw[i] >= 100 && marker[i] >= 1 {
                    holds_body[i] = true;
                }
            }
            if holds_body[i]
                && let Some(p) = dom.nodes[i].parent
            {
                holds_body[p] = true;
            }
        }

        let mut dead = vec![false; n];
        let mut in_link = vec![false; n];
        let mut noise_cache: std::collections::HashMap<String, bool> = Default::default();
        for i in 1..n {
            let node = &dom.nodes[i];
            let parent = node.parent.unwrap_or(0);
            if dead[parent] {
                dead[i] = true;
                continue;
            }
            in_link[i] = in_link[parent];
            let NodeData::Element(el) = &node.data else {
                continue;
            };
            let tag = &*el.tag;
            if tag == "a" {
                in_link[i] = true;
            }
            if (el.flags & flags::DROPPED != 0 && !(keep_noscript && tag == "noscript"))
                || is_hidden(el)
            {
                dead[i] = true;
                continue;
            }
            if matches!(tag, "html" | "body" | "main") || holds_body[i] {
                continue;
            }
            if loose && (tag == "form" || tag == "address") {
                continue;
            }
            let share = raw[i] as f32 / page;
            if (el.flags & flags::FURNITURE != 0 || is_noise_role(el)) && share < 0.3 {
                dead[i] = true;
                continue;
            }
            if el.attrs.is_empty() || loose {
                continue;
            }
            let ci = class_id(el);
            if ci.is_empty() {
                continue;
            }
            // Templates repeat the same class strings; classify each distinct one once.
            let noise = match noise_cache.get(&ci) {
                Some(&v) => v,
                None => {
                    let v = is_noise_class(&ci);
                    noise_cache.insert(ci.clone(), v);
                    v
                }
            };
            // An element holding most of the page is a layout wrapper whatever its class
            // says (`<div class="page has-sidebar">`).
            let holds_prose = prose[i] >= 400 && prose[i] as f32 >= 0.5 * page_prose;
            if share < 0.5 && tag != "article" && noise && (!holds_prose || is_comment_class(&ci)) {
                dead[i] = true;
            }
        }

        let mut text = vec![0u32; n];
        let mut link = vec![0u32; n];
        let mut commas = vec![0u32; n];
        let mut own = vec![0u32; n];
        for i in (1..n).rev() {
            if dead[i] {
                continue;
            }
            let node = &dom.nodes[i];
            if let NodeData::Text(t) = &node.data {
                let (c, k) = count_chars(t);
                text[i] = c;
                commas[i] = k;
                if in_link[i] {
                    link[i] = c;
                }
                if let Some(p) = node.parent {
                    own[p] += c;
                }
            }
            if let Some(p) = node.parent {
                text[p] = text[p].saturating_add(text[i]);
                link[p] = link[p].saturating_add(link[i]);
                commas[p] = commas[p].saturating_add(commas[i]);
            }
        }
        Analysis {
            dom,
            dead,
            text,
            link,
            commas,
            own,
            raw,
            marker,
        }
    }

    fn link_density(&self, i: NodeId) -> f32 {
        if self.text[i] == 0 {
            0.0
        } else {
            self.link[i] as f32 / self.text[i] as f32
        }
    }

    /// The element whose class/id/itemprop names the article body, if one holds real text.
    fn marked_body(&self) -> Option<NodeId> {
        self.marked_with(2)
    }

    /// The live element with the highest marker of at least `level` (3 = schema.org
    /// body, 2 = article-body class, 1 = the page's main region), largest first, if it
    /// holds real text.
    fn marked_with(&self, level: u8) -> Option<NodeId> {
        let mut best: Option<(u8, u32, NodeId)> = None;
        for (i, node) in self.dom.nodes.iter().enumerate() {
            if self.dead[i] || self.text[i] < 150 {
                continue;
            }
            if !matches!(node.data, NodeData::Element(_)) {
                continue;
            }
            let m = self.marker[i];
            if m < level {
                continue;
            }
            if best.is_none_or(|(bm, bt, _)| (m, self.text[i]) > (bm, bt)) {
                best = Some((m, self.text[i], i));
            }
        }
        best.map(|(_, _, i)| i)
    }

    /// Readability-style scoring; returns the winning element and its score table.
    fn scored_root(&self) -> Option<(NodeId, Vec<f32>)> {
        let n = self.dom.nodes.len();
        let mut score = vec![0f32; n];
        let mut init = vec![false; n];
        for (i, node) in self.dom.nodes.iter().enumerate() {
            if self.dead[i] {
                continue;
            }
            let NodeData::Element(el) = &node.data else {
                continue;
            };
            let tag = &*el.tag;
            let len = match tag {
                "p" | "pre" | "td" | "blockquote" => self.text[i] - self.link[i].min(self.text[i]),
                "div" | "section" | "article" | "span" | "font" | "center" | "main" => self.own[i],
                _ => continue,
            };
            if len < 25 {
                continue;
            }
            let s = 1.0 + self.commas[i].min(20) as f32 + (len as f32 / 100.0).min(3.0);
            for (level, a) in self.dom.ancestors(i).take(5).enumerate() {
                if a == 0 {
                    break;
                }
                if !init[a] {
                    init[a] = true;
                    score[a] = self.base_score(a);
                }
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                score[a] += s / div;
            }
        }
        let mut best: Option<(f32, NodeId)> = None;
        for i in 0..n {
            if !init[i] || self.dead[i] {
                continue;
            }
            score[i] *= 1.0 - self.link_density(i);
            if best.is_none_or(|(b, _)| score[i] > b) {
                best = Some((score[i], i));
            }
        }
        let (_, mut top) = best?;
        top = self.refine_top(top, &score, &init);
        Some((top, score))
    }

    /// Readability's adjustments: when several near-equal candidates exist, take their
    /// common ancestor; climb while an ancestor scores higher; skip single-child wrappers.
    fn refine_top(&self, mut top: NodeId, score: &[f32], init: &[bool]) -> NodeId {
        let dom = self.dom;
        let is_stop = |i: NodeId| matches!(dom.tag(i), "body" | "html" | "") || i == 0;
        let top_score = score[top];
        let mut alternatives: Vec<NodeId> = (0..score.len())
            .filter(|&i| init[i] && i != top && !self.dead[i] && score[i] >= 0.75 * top_score)
            .collect();
        alternatives.sort_by(|a, b| score[*b].total_cmp(&score[*a]));
        alternatives.truncate(5);
        if alternatives.len() >= 3 {
            for a in dom.ancestors(top) {
                if is_stop(a) {
                    break;
                }
                let contained = alternatives
                    .iter()
                    .filter(|&&alt| dom.ancestors(alt).any(|x| x == a))
                    .count();
                if contained >= 3 {
                    top = a;
                    break;
                }
            }
        }
        let mut last = score[top];
        let threshold = last / 3.0;
        let mut cur = top;
        while let Some(parent) = dom.nodes[cur].parent {
            if is_stop(parent) {
                break;
            }
            cur = parent;
            if !init[parent] {
                continue;
            }
            if score[parent] < threshold {
                break;
            }
            if score[parent] > last {
                top = parent;
                break;
            }
            last = score[parent];
        }
        while let Some(parent) = dom.nodes[top].parent {
            if is_stop(parent) {
                break;
            }
            let element_children = dom.nodes[parent]
                .children
                .iter()
                .filter(|&&c| dom.element(c).is_some() && !self.dead[c])
                .count();
            if element_children != 1 {
                break;
            }
            top = parent;
        }
        top
    }

    fn base_score(&self, i: NodeId) -> f32 {
        let Some(el) = self.dom.element(i) else {
            return 0.0;
        };
        let tag_score = match &*el.tag {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        tag_score + class_weight(&class_id(el))
    }

    /// Climb from `root` to ancestors whose extra text is a little prose (a lead
    /// paragraph or standfirst kept outside the body element), not furniture.
    fn absorb_lead(&self, mut root: NodeId) -> NodeId {
        for _ in 0..ABSORB {
            let Some(parent) = self.dom.nodes[root].parent else {
                break;
            };
            if matches!(self.dom.tag(parent), "body" | "html" | "") {
                break;
            }
            let extra = self.text[parent].saturating_sub(self.text[root]);
            let extra_link = self.link[parent].saturating_sub(self.link[root]);
            if extra == 0 || (extra_link as f32) < 0.2 * extra as f32 && extra * 2 < self.text[root]
            {
                root = parent;
            } else {
                break;
            }
        }
        root
    }

    /// Lead paragraphs of the same `<article>` that come before `root` (a standfirst in
    /// the article header, outside the body element).
    fn lead_before(&self, root: NodeId) -> Vec<NodeId> {
        let dom = self.dom;
        let Some(article) = dom
            .ancestors(root)
            .take(6)
            .find(|&a| matches!(dom.tag(a), "article" | "main"))
        else {
            return Vec::new();
        };
        let mut out: Vec<NodeId> = Vec::new();
        for i in article + 1..root {
            if self.dead[i] || dom.ancestors(root).any(|a| a == i) {
                continue;
            }
            let Some(el) = dom.element(i) else {
                continue;
            };
            let leadish = el.attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                [
                    "lead",
                    "intro",
                    "standfirst",
                    "summary",
                    "teaser",
                    "abstract",
                    "excerpt",
                ]
                .iter()
                .any(|k| c.contains(k))
            });
            if !(&*el.tag == "p" || leadish) {
                continue;
            }
            if self.text[i] < 60 || self.link[i] * 10 > self.text[i] {
                continue;
            }
            if out.iter().any(|&o| dom.ancestors(i).any(|a| a == o)) {
                continue;
            }
            out.push(i);
        }
        out
    }

    /// The winner plus siblings that look like more of the same article.
    fn with_siblings(&self, top: NodeId, score: &[f32]) -> Vec<NodeId> {
        let Some(parent) = self.dom.nodes[top].parent else {
            return vec![top];
        };
        let threshold = (score.get(top).copied().unwrap_or(0.0) * 0.2).max(10.0);
        let mut roots = Vec::new();
        for &s in &self.dom.nodes[parent].children {
            if s == top {
                roots.push(s);
                continue;
            }
            if self.dead[s] || self.dom.element(s).is_none() {
                continue;
            }
            let ld = self.link_density(s);
            // Siblings that score well, or that are plain prose (a lead paragraph, a
            // second body part), belong to the article too.
            let keep = score.get(s).is_some_and(|&v| v >= threshold) && ld < 0.5
                || (self.text[s] > 80 && ld < 0.25 && !is_heading(self.dom.tag(s)));
            if keep {
                roots.push(s);
            }
        }
        roots
    }
}

/// One output block with the measurements the filters need.
struct Block {
    /// Node where the block's first text was found: document order across emits.
    pos: NodeId,
    text: String,
    /// A heading or a short line: a label that belongs to whatever follows it.
    label: bool,
    chars: u32,
    link_chars: u32,
}

struct Emitter<'a, 'b> {
    an: &'b Analysis<'a>,
    blocks: Vec<Block>,
    cur: String,
    cur_chars: u32,
    cur_link: u32,
    cur_heading: bool,
    /// The open block is a table cell (numbers there are data, not datelines).
    cur_cell: bool,
    /// Node of the first text in the open block.
    cur_pos: NodeId,
}

/// Whether a short block is only a date, time or number (a dateline, a counter).
fn is_numeric_debris(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    numeric_debris(text.chars().count(), letters, digits)
}

/// [`is_numeric_debris`] from a block's length in characters and its letters and digits
/// (shared with [`crate::visible`], which counts without building the text).
pub(crate) fn numeric_debris(len: usize, letters: usize, digits: usize) -> bool {
    len < 40 && digits > 0 && letters <= 2
}

/// Whether the emitter keeps a block of `chars` non-space characters, `link_chars` of them
/// in links: not a row mostly of links (menus, "read more"), not numeric `debris`.
pub(crate) fn keeps_block(chars: usize, link_chars: usize, debris: bool) -> bool {
    let ld = link_chars as f32 / chars.max(1) as f32;
    !(ld > 0.6 || ld > 0.3 && chars < 40 || debris)
}

/// Whether a kept block is a label (a heading, or a short line not ending a sentence) that
/// belongs to whatever follows it; `last` is its last non-space character.
pub(crate) fn is_label(heading: bool, chars: usize, last: Option<char>) -> bool {
    heading
        || chars <= 40
            && !last.is_some_and(|c| matches!(c, '.' | '!' | '"' | '“' | '”' | '«' | '»'))
}

impl Emitter<'_, '_> {
    fn flush(&mut self) {
        let text = self.cur.trim();
        if !text.is_empty() {
            let debris = !self.cur_cell && is_numeric_debris(text);
            if keeps_block(self.cur_chars as usize, self.cur_link as usize, debris) {
                let label = is_label(
                    self.cur_heading,
                    self.cur_chars as usize,
                    text.chars().last(),
                );
                self.blocks.push(Block {
                    pos: self.cur_pos,
                    label,
                    text: text.to_string(),
                    chars: self.cur_chars,
                    link_chars: self.cur_link,
                });
            }
        }
        self.cur.clear();
        self.cur_chars = 0;
        self.cur_link = 0;
        self.cur_heading = false;
        self.cur_cell = false;
    }

    /// A furniture element with text was skipped: a label right before it ("Related
    /// articles", "Share this:") introduced it and goes too.
    fn skipped_furniture(&mut self) {
        if self.cur.trim().is_empty() && self.blocks.last().is_some_and(|b| b.label) {
            self.blocks.pop();
        }
    }

    fn push_text(&mut self, t: &str, in_link: bool, pre: bool) {
        let (c, _) = count_chars(t);
        self.cur_chars += c;
        if in_link {
            self.cur_link += c;
        }
        if pre {
            self.cur.push_str(t);
            return;
        }
        for (k, word) in t.split(char::is_whitespace).enumerate() {
            if k > 0 && !self.cur.ends_with([' ', '\n']) && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.cur.push_str(word);
        }
    }

    /// Whether a container is a list of links (related articles, tag clouds, menus).
    fn is_link_list(&self, i: NodeId, tag: &str) -> bool {
        let an = self.an;
        let ld = an.link_density(i);
        match tag {
            "ul" | "ol" | "dl" | "table" => an.text[i] > 0 && ld > 0.5,
            "div" | "section" | "p" => an.text[i] > 0 && ld > 0.65,
            _ => false,
        }
    }

    fn emit(&mut self, root: NodeId) {
        let dom = self.an.dom;
        // (node, entering, in_link, in_pre)
        let mut stack: Vec<(NodeId, bool, bool, bool)> = vec![(root, true, false, false)];
        while let Some((i, entering, in_link, pre)) = stack.pop() {
            if self.an.dead[i] {
                if entering && self.an.raw[i] >= 30 && dom.element(i).is_some() {
                    self.skipped_furniture();
                }
                continue;
            }
            match &dom.nodes[i].data {
                NodeData::Text(t) => {
                    if self.cur.trim().is_empty() {
                        self.cur_pos = i;
                    }
                    self.push_text(t, in_link, pre)
                }
                NodeData::Document => {
                    for &c in dom.nodes[i].children.iter().rev() {
                        stack.push((c, true, in_link, pre));
                    }
                }
                NodeData::Element(el) => {
                    let tag = &*el.tag;
                    if !entering {
                        if el.flags & flags::BLOCK != 0 {
                            self.flush();
                        }
                        continue;
                    }
                    if tag == "br" {
                        self.cur.push('\n');
                        continue;
                    }
                    if self.an.text[i] == 0 {
                        continue;
                    }
                    if self.is_link_list(i, tag) {
                        self.flush();
                        self.skipped_furniture();
                        continue;
                    }
                    if el.flags & flags::BLOCK != 0 {
                        self.flush();
                        if el.flags & flags::HEADING != 0 {
                            self.cur_heading = true;
                        }
                        if matches!(tag, "td" | "th") {
                            self.cur_cell = true;
                        }
                    } else if matches!(tag, "img") {
                        continue;
                    }
                    stack.push((i, false, in_link, pre));
                    let link = in_link || tag == "a";
                    let p = pre || tag == "pre";
                    for &c in dom.nodes[i].children.iter().rev() {
                        stack.push((c, true, link, p));
                    }
                }
            }
        }
        self.flush();
    }
}

fn emit_roots(an: &Analysis<'_>, roots: &[NodeId]) -> Vec<Block> {
    let mut e = Emitter {
        an,
        blocks: Vec::new(),
        cur: String::new(),
        cur_chars: 0,
        cur_link: 0,
        cur_heading: false,
        cur_cell: false,
        cur_pos: 0,
    };
    for &r in roots {
        e.emit(r);
    }
    e.blocks
}

fn total(blocks: &[Block]) -> u32 {
    blocks
        .iter()
        .map(|b| b.chars - b.link_chars.min(b.chars))
        .sum()
}

const ABSORB: usize = 3;

/// Which roots were emitted and why, for [`explain`].
struct Choice {
    roots: Vec<NodeId>,
    blocks: Vec<Block>,
    how: &'static str,
}

fn choose(an: &Analysis<'_>) -> Choice {
    let dom = an.dom;
    let scored = an.scored_root();
    let marked = an.marked_body();
    let scored_roots = scored
        .as_ref()
        .map(|(top, score)| an.with_siblings(*top, score));
    let mut choice = match (&scored_roots, marked) {
        (_, Some(m)) => {
            let roots = an.with_siblings(an.absorb_lead(m), &[]);
            Choice {
                blocks: emit_roots(an, &roots),
                roots,
                how: "marked",
            }
        }
        (Some(r), None) => {
            let r: Vec<NodeId> = if r.len() == 1 {
                vec![an.absorb_lead(r[0])]
            } else {
                r.clone()
            };
            Choice {
                blocks: emit_roots(an, &r),
                roots: r,
                how: "scored",
            }
        }
        (None, None) => Choice {
            roots: Vec::new(),
            blocks: Vec::new(),
            how: "none",
        },
    };
    if let (Some(r), Some(m)) = (&scored_roots, marked) {
        // A named body that is much smaller than what scoring finds was a wrong guess
        // (a teaser box, one of several body parts) unless it is the schema.org body.
        let alt = emit_roots(an, r);
        let strong = an.marker[m] == 3;
        let contains = r.iter().any(|&x| dom.ancestors(m).any(|a| a == x));
        let small = total(&choice.blocks) < 150;
        if (small || contains || !strong) && total(&alt) > 3 * total(&choice.blocks).max(1) {
            choice = Choice {
                blocks: alt,
                roots: r.clone(),
                how: "scored>marked",
            };
        }
    }
    if let Some(&first) = choice.roots.first() {
        let lead = an.lead_before(first);
        if !lead.is_empty() {
            let mut blocks = emit_roots(an, &lead);
            blocks.append(&mut choice.blocks);
            choice.blocks = blocks;
        }
    }
    // Whatever the choice, the page's live text blocks are a baseline: when they hold
    // far more text, the choice missed part of the article (split bodies, leads outside
    // the body element, wrong candidate). Short lines (menus, labels) are left out.
    let body = dom.find_all("body").next().unwrap_or(0);
    let all = emit_roots(an, &[body]);
    let empty = choice.blocks.is_empty();
    let baseline: Vec<Block> = all.into_iter().filter(|b| b.chars >= 40 || empty).collect();
    if total(&baseline) > 2 * total(&choice.blocks) {
        // Keep the choice's own short blocks (headings, list items) among the baseline's.
        let mut merged = baseline;
        let have: std::collections::HashSet<NodeId> = merged.iter().map(|b| b.pos).collect();
        merged.extend(choice.blocks.into_iter().filter(|b| !have.contains(&b.pos)));
        merged.sort_by_key(|b| b.pos);
        choice = Choice {
            blocks: merged,
            roots: vec![body],
            how: "fallback-body",
        };
    }
    choice
}

/// All readable text of an HTML fragment (a feed item's content), as paragraphs: only
/// scripts, styles, forms controls and hidden elements are dropped; no content choice.
pub fn fragment_paragraphs(dom: &Dom) -> Vec<String> {
    let mut an = Analysis::new(dom, false, false);
    // Undo class- and furniture-based pruning: a fragment is all content.
    let n = dom.nodes.len();
    for i in 1..n {
        let parent = dom.nodes[i].parent.unwrap_or(0);
        an.dead[i] = an.dead[parent]
            || dom
                .element(i)
                .is_some_and(|el| el.flags & flags::DROPPED != 0 || is_hidden(el));
    }
    let mut text = vec![0u32; n];
    for i in (1..n).rev() {
        if an.dead[i] {
            continue;
        }
        if let NodeData::Text(t) = &dom.nodes[i].data {
            text[i] = count_chars(t).0;
        }
        if let Some(p) = dom.nodes[i].parent {
            text[p] = text[p].saturating_add(text[i]);
        }
    }
    an.text = text;
    an.link = vec![0; n];
    emit_roots(&an, &[0]).into_iter().map(|b| b.text).collect()
}

/// The article's paragraphs (headings and list items are paragraphs too), in order.
pub fn extract_paragraphs(dom: &Dom) -> Vec<String> {
    let an = Analysis::new(dom, false, false);
    let mut choice = choose(&an);
    if dom.find_all("noscript").next().is_some() {
        // "Please enable JavaScript" is not an article: at least 100 characters.
        retry_if_nearly_empty(&mut choice, 100, || {
            choose(&Analysis::new(dom, true, false))
        });
    }
    // The strict pass pruned (nearly) everything: the article sits in a container named
    // like furniture (forum posts in `comment` boxes, shop descriptions inside a `<form>`).
    // A looser pass that keeps such containers wins when it finds far more.
    retry_if_nearly_empty(&mut choice, 150, || {
        choose(&Analysis::new(dom, false, true))
    });
    choice.blocks.into_iter().map(|b| b.text).collect()
}

/// When `choice` holds under 200 characters of text, make another choice and take it if
/// it holds at least `least` characters and more than twice as many.
fn retry_if_nearly_empty(choice: &mut Choice, least: u32, other: impl FnOnce() -> Choice) {
    let had = total(&choice.blocks);
    if had >= 200 {
        return;
    }
    let candidate = other();
    let gained = total(&candidate.blocks);
    if gained >= least && gained > 2 * had {
        *choice = candidate;
    }
}

/// Debug aid: the ancestor chain of the first text node containing `needle`, with the
/// measurements and verdicts the extractor used.
#[doc(hidden)]
pub fn explain(dom: &Dom, needle: &str) -> String {
    let an = Analysis::new(dom, false, false);
    let scored = an.scored_root();
    let mut out = String::new();
    if let Some((top, _)) = &scored {
        out.push_str(&format!(
            "scored top: {} {}\n",
            dom.tag(*top),
            dom.element(*top).map(class_id).unwrap_or_default()
        ));
    }
    if let Some(m) = an.marked_body() {
        out.push_str(&format!(
            "marked: {} {}\n",
            dom.tag(m),
            dom.element(m).map(class_id).unwrap_or_default()
        ));
    }
    let c = choose(&an);
    for r in &c.roots {
        out.push_str(&format!(
            "root({}): {} {}\n",
            c.how,
            dom.tag(*r),
            dom.element(*r).map(class_id).unwrap_or_default()
        ));
    }
    let Some(hit) = (0..dom.nodes.len()).find(|&i| matches!(&dom.nodes[i].data, NodeData::Text(t) if crate::dom::collapse_ws(t).contains(needle)) && dom.ancestors(i).all(|a| dom.tag(a) != "head" && dom.tag(a) != "script")) else {
        out.push_str("needle not found in any single text node\n");
        return out;
    };
    for a in std::iter::once(hit).chain(dom.ancestors(hit)) {
        let mark = if c.roots.contains(&a) { "ROOT " } else { "" };
        out.push_str(mark);
        let s = scored.as_ref().map(|(_, s)| s[a]).unwrap_or(0.0);
        out.push_str(&format!(
            "{} .{} dead={} text={} link={} score={:.1}\n",
            dom.tag(a),
            dom.element(a).map(class_id).unwrap_or_default(),
            an.dead[a],
            an.text[a],
            an.link[a],
            s
        ));
    }
    out
}
