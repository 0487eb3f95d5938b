//! A small, forgiving HTML parser that builds an arena tree ([`Dom`]).
//!
//! Why not a spec-complete parser: extraction needs only elements, attributes and text, and
//! speed matters (the goal is ten times a Python extractor). This tokenizer handles comments,
//! raw-text elements (`script`, `style`, `title`, `textarea`), quoted and unquoted attributes,
//! character references, and the implicit end tags that matter for text blocks (`p`, `li`,
//! `dt`/`dd`, table cells, `option`). Anything malformed degrades to text or is skipped; it
//! never panics and never recurses, so deep or hostile input is safe.

use crate::entities::decode_entities_into;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// An element: lowercase tag name and its attributes (names lowercase, values decoded).
#[derive(Debug, Clone)]
pub struct Element {
    pub tag: Box<str>,
    pub attrs: Vec<(Box<str>, String)>,
    /// [`flags`] bits of the tag, computed once so later passes avoid string compares.
    pub flags: u32,
}

/// Per-tag properties, as bits of [`Element::flags`].
pub mod flags {
    pub const VOID: u32 = 1;
    pub const CLOSES_P: u32 = 1 << 1;
    pub const SCOPE: u32 = 1 << 2;
    /// Starts a new output block.
    pub const BLOCK: u32 = 1 << 3;
    /// Never holds article text.
    pub const DROPPED: u32 = 1 << 4;
    /// Usually furniture (`nav`, `aside`, `footer`, `form`, `address`).
    pub const FURNITURE: u32 = 1 << 5;
    pub const HEADING: u32 = 1 << 6;
    pub const LINK: u32 = 1 << 7;
    pub const PARAGRAPH: u32 = 1 << 8;
}

/// The [`flags`] of a lowercase tag name.
pub fn tag_flags(tag: &str) -> u32 {
    use flags::*;
    let f = match tag {
        "p" => CLOSES_P | BLOCK | PARAGRAPH,
        "div" | "section" | "article" | "main" | "header" | "figure" | "center" | "details"
        | "summary" | "fieldset" | "hgroup" | "dialog" | "dir" => CLOSES_P | BLOCK,
        "h1" => CLOSES_P | BLOCK | HEADING | DROPPED,
        "h2" | "h3" | "h4" | "h5" | "h6" => CLOSES_P | BLOCK | HEADING,
        "ul" | "ol" | "dl" | "pre" | "blockquote" | "li" | "dd" | "dt" => CLOSES_P | BLOCK,
        "hr" => CLOSES_P | BLOCK | VOID,
        "table" => CLOSES_P | BLOCK | SCOPE,
        "td" | "th" | "caption" => BLOCK | SCOPE,
        "tr" | "tbody" | "thead" | "tfoot" => BLOCK,
        "html" | "body" => BLOCK | SCOPE,
        "button" | "object" | "template" | "marquee" => SCOPE | DROPPED,
        "nav" | "aside" | "footer" | "form" | "address" => CLOSES_P | BLOCK | FURNITURE,
        "menu" => CLOSES_P | BLOCK | DROPPED,
        "figcaption" => CLOSES_P | BLOCK | DROPPED,
        "a" => LINK,
        "script" | "style" | "noscript" | "svg" | "math" | "iframe" | "canvas" | "video"
        | "audio" | "map" | "select" | "textarea" | "option" | "head" | "title" | "label" => {
            DROPPED
        }
        "embed" | "input" => VOID | DROPPED,
        "area" | "base" | "br" | "col" | "img" | "link" | "meta" | "param" | "source" | "track"
        | "wbr" | "keygen" => VOID,
        _ => 0,
    };
    if tag == "dialog" { f | DROPPED } else { f }
}

impl Element {
    /// The value of attribute `name` (lowercase), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone)]
pub enum NodeData {
    /// The synthetic root that holds the top-level nodes.
    Document,
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub data: NodeData,
}

/// The parsed page: node 0 is the document root.
#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Deeper nesting than this is flattened (children attach to the deepest allowed element),
/// which bounds the work of every later tree walk.
const MAX_DEPTH: usize = 256;

impl Dom {
    /// Parse `html` into a tree. Never fails; the worst input gives a flat tree of text.
    pub fn parse(html: &str) -> Dom {
        let mut b = Builder {
            nodes: vec![Node {
                parent: None,
                children: Vec::new(),
                data: NodeData::Document,
            }],
            stack: vec![0],
        };
        b.run(html);
        Dom { nodes: b.nodes }
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id)?.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn tag(&self, id: NodeId) -> &str {
        self.element(id).map(|e| &*e.tag).unwrap_or("")
    }

    /// All nodes below `id` in document order (not including `id`), without recursion.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        let mut stack = Vec::new();
        if let Some(n) = self.nodes.get(id) {
            stack.extend(n.children.iter().rev().copied());
        }
        Descendants { dom: self, stack }
    }

    /// Elements with tag `tag`, in document order.
    pub fn find_all<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        (0..self.nodes.len()).filter(move |&i| self.tag(i) == tag)
    }

    /// The text below `id`, whitespace collapsed.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let NodeData::Text(t) = &self.nodes[id].data {
            out.push_str(t);
        }
        for d in self.descendants(id) {
            if let NodeData::Text(t) = &self.nodes[d].data {
                out.push_str(t);
            } else if matches!(
                self.tag(d),
                "br" | "p" | "div" | "li" | "td" | "th" | "h1" | "h2"
            ) {
                out.push(' ');
            }
        }
        collapse_ws(&out)
    }

    /// The ancestors of `id`, nearest first.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut cur = self.nodes.get(id).and_then(|n| n.parent);
        std::iter::from_fn(move || {
            let c = cur?;
            cur = self.nodes[c].parent;
            Some(c)
        })
    }
}

pub struct Descendants<'a> {
    dom: &'a Dom,
    stack: Vec<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.stack.pop()?;
        self.stack
            .extend(self.dom.nodes[id].children.iter().rev().copied());
        Some(id)
    }
}

/// Collapse runs of whitespace to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

struct Builder {
    nodes: Vec<Node>,
    /// Open elements; `stack[0]` is the document.
    stack: Vec<NodeId>,
}

impl Builder {
    fn current(&self) -> NodeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn tag_of(&self, id: NodeId) -> &str {
        match &self.nodes[id].data {
            NodeData::Element(e) => &e.tag,
            _ => "",
        }
    }

    fn flags_of(&self, id: NodeId) -> u32 {
        match &self.nodes[id].data {
            NodeData::Element(e) => e.flags,
            _ => 0,
        }
    }

    fn add_node(&mut self, data: NodeData) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            data,
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn add_text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let parent = self.current();
        if let Some(&last) = self.nodes[parent].children.last()
            && let NodeData::Text(t) = &mut self.nodes[last].data
        {
            decode_entities_into(raw, t);
            return;
        }
        let mut t = String::with_capacity(raw.len());
        decode_entities_into(raw, &mut t);
        self.add_node(NodeData::Text(t));
    }

    /// Position in the stack of the nearest open `tag`, searching down to a scope boundary.
    fn find_in_scope(&self, tag: &str, extra_bounds: &[&str]) -> Option<usize> {
        for i in (1..self.stack.len()).rev() {
            let t = self.tag_of(self.stack[i]);
            if t == tag {
                return Some(i);
            }
            if self.flags_of(self.stack[i]) & flags::SCOPE != 0 || extra_bounds.contains(&t) {
                return None;
            }
        }
        None
    }

    fn close_if_open(&mut self, tag: &str, extra_bounds: &[&str]) {
        if let Some(i) = self.find_in_scope(tag, extra_bounds) {
            self.stack.truncate(i);
        }
    }

    fn start_tag(&mut self, el: Element, self_closing: bool) {
        let tag: &str = &el.tag;
        if el.flags & flags::CLOSES_P != 0 {
            self.close_if_open("p", &[]);
        }
        match tag {
            "li" => self.close_if_open("li", &["ul", "ol", "menu"]),
            "dt" | "dd" => {
                self.close_if_open("dt", &["dl"]);
                self.close_if_open("dd", &["dl"]);
            }
            "tr" => {
                if let Some(i) = self.find_in_scope("tr", &["tbody", "thead", "tfoot"]) {
                    self.stack.truncate(i);
                } else if let Some(i) = self.find_td() {
                    // A stray <tr> inside a cell: close the cell first.
                    self.stack.truncate(i);
                    self.close_if_open("tr", &["tbody", "thead", "tfoot"]);
                }
            }
            "td" | "th" => {
                if let Some(i) = self.find_td() {
                    self.stack.truncate(i);
                }
            }
            "tbody" | "thead" | "tfoot" => {
                for t in ["td", "th", "tr", "tbody", "thead", "tfoot"] {
                    if let Some(i) = self.find_in_scope(t, &[]) {
                        self.stack.truncate(i);
                    }
                }
            }
            "option" => self.close_if_open("option", &["select"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let top = self.tag_of(self.current());
                if top.len() == 2 && top.starts_with('h') && top.as_bytes()[1].is_ascii_digit() {
                    self.stack.pop();
                }
            }
            "a" => self.close_if_open("a", &[]),
            _ => {}
        }
        let is_void = el.flags & flags::VOID != 0 || self_closing && is_foreign_ok(tag);
        let id = self.add_node(NodeData::Element(el));
        if !is_void && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    /// Stack position of the nearest open table cell in the current table.
    fn find_td(&self) -> Option<usize> {
        for i in (1..self.stack.len()).rev() {
            match self.tag_of(self.stack[i]) {
                "td" | "th" => return Some(i),
                "table" => return None,
                _ => {}
            }
        }
        None
    }

    fn end_tag(&mut self, name: &str) {
        if name == "br" {
            self.start_tag(
                Element {
                    tag: "br".into(),
                    attrs: Vec::new(),
                    flags: flags::VOID,
                },
                false,
            );
            return;
        }
        // Close the nearest open element of this name; an end tag with no open element
        // is ignored. Table-ish boundaries stop the search so a stray </div> inside a cell
        // cannot close the table's ancestors.
        for i in (1..self.stack.len()).rev() {
            let t = self.tag_of(self.stack[i]);
            if t == name {
                self.stack.truncate(i);
                return;
            }
            if matches!(t, "td" | "th" | "table") && !matches!(name, "table" | "tbody" | "tr") {
                return;
            }
        }
    }

    fn run(&mut self, html: &str) {
        let bytes = html.as_bytes();
        let mut pos = 0;
        let mut text_start = 0;
        while let Some(off) = memchr::memchr(b'<', &bytes[pos..]) {
            let lt = pos + off;
            let next = bytes.get(lt + 1).copied().unwrap_or(0);
            if next == b'!' || next == b'?' {
                self.add_text(&html[text_start..lt]);
                let end = if bytes[lt..].starts_with(b"<!--") {
                    find(bytes, lt + 4, b"-->").map(|e| e + 3)
                } else {
                    memchr::memchr(b'>', &bytes[lt..]).map(|e| lt + e + 1)
                };
                pos = end.unwrap_or(bytes.len());
                text_start = pos;
            } else if next == b'/' && bytes.get(lt + 2).is_some_and(|c| c.is_ascii_alphabetic()) {
                self.add_text(&html[text_start..lt]);
                let (name, after) = read_name(html, lt + 2);
                let end = memchr::memchr(b'>', &bytes[after..])
                    .map(|e| after + e + 1)
                    .unwrap_or(bytes.len());
                self.end_tag(&name);
                pos = end;
                text_start = pos;
            } else if next.is_ascii_alphabetic() {
                self.add_text(&html[text_start..lt]);
                let (el, self_closing, after) = read_start_tag(html, lt + 1);
                pos = after;
                text_start = pos;
                let raw = matches!(
                    &*el.tag,
                    "script" | "style" | "title" | "textarea" | "xmp" | "noembed" | "noframes"
                ) && !self_closing;
                if raw {
                    let tag = el.tag.clone();
                    let end = find_end_tag(bytes, pos, &tag);
                    let content = &html[pos..end];
                    self.start_tag(el, false);
                    if matches!(&*tag, "title" | "textarea") {
                        self.add_text(content);
                    } else if &*tag == "script" {
                        // JSON-LD is kept (metadata reads it); other scripts are dropped.
                        let id = self.current();
                        let is_ld = matches!(&self.nodes[id].data, NodeData::Element(e)
                            if e.attr("type").is_some_and(|t| t.contains("ld+json")));
                        if is_ld {
                            let tid = self.add_node(NodeData::Text(content.to_string()));
                            let _ = tid;
                        }
                    }
                    self.end_tag(&tag);
                    let close = memchr::memchr(b'>', &bytes[end..])
                        .map(|e| end + e + 1)
                        .unwrap_or(bytes.len());
                    pos = close;
                    text_start = pos;
                } else {
                    self.start_tag(el, self_closing);
                }
            } else {
                // A lone '<' is text.
                pos = lt + 1;
            }
        }
        if text_start < html.len() {
            self.add_text(&html[text_start..]);
        }
    }
}

fn is_foreign_ok(tag: &str) -> bool {
    // Self-closing syntax is honoured for SVG/MathML-ish and unknown tags, not for
    // normal HTML containers (`<div/>` opens a div in browsers).
    !matches!(
        tag,
        "div" | "p" | "span" | "a" | "section" | "article" | "li" | "ul" | "ol" | "table" | "td"
    )
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    memchr::memmem::find(&hay[from..], needle).map(|i| from + i)
}

/// Position of the `</tag` that ends a raw-text element (case-insensitive), or the end.
fn find_end_tag(bytes: &[u8], from: usize, tag: &str) -> usize {
    let mut p = from;
    while let Some(i) = find(bytes, p, b"</") {
        let name = &bytes[i + 2..];
        if name.len() >= tag.len()
            && name[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
            && name
                .get(tag.len())
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            return i;
        }
        p = i + 2;
    }
    bytes.len()
}

fn is_name_end(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'>' || c == b'/'
}

/// Read a tag name starting at `at`; returns it lowercased and the position after it.
fn read_name(html: &str, at: usize) -> (String, usize) {
    let bytes = html.as_bytes();
    let mut end = at;
    while end < bytes.len() && !is_name_end(bytes[end]) {
        end += 1;
    }
    let name = html.get(at..end).unwrap_or("").to_ascii_lowercase();
    (name, end)
}

/// Parse a start tag whose name begins at `at`; returns the element, whether it was
/// self-closing, and the position after `>`.
fn read_start_tag(html: &str, at: usize) -> (Element, bool, usize) {
    let bytes = html.as_bytes();
    let (name, mut p) = read_name(html, at);
    let mut attrs: Vec<(Box<str>, String)> = Vec::new();
    let mut self_closing = false;
    loop {
        while p < bytes.len() && (bytes[p].is_ascii_whitespace() || bytes[p] == b'/') {
            self_closing = bytes[p] == b'/';
            p += 1;
        }
        if p >= bytes.len() {
            break;
        }
        if bytes[p] == b'>' {
            p += 1;
            break;
        }
        self_closing = false;
        let start = p;
        while p < bytes.len() && !is_name_end(bytes[p]) && bytes[p] != b'=' {
            p += 1;
        }
        // Always advance at least one byte so malformed input cannot loop.
        if p == start {
            p += 1;
            continue;
        }
        let aname = html.get(start..p).unwrap_or("").to_ascii_lowercase();
        while p < bytes.len() && bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        let mut value = String::new();
        if p < bytes.len() && bytes[p] == b'=' {
            p += 1;
            while p < bytes.len() && bytes[p].is_ascii_whitespace() {
                p += 1;
            }
            if p < bytes.len() && (bytes[p] == b'"' || bytes[p] == b'\'') {
                let q = bytes[p];
                let vstart = p + 1;
                let vend = memchr::memchr(q, &bytes[vstart..])
                    .map(|e| vstart + e)
                    .unwrap_or(bytes.len());
                decode_entities_into(html.get(vstart..vend).unwrap_or(""), &mut value);
                p = (vend + 1).min(bytes.len());
            } else {
                let vstart = p;
                while p < bytes.len() && !bytes[p].is_ascii_whitespace() && bytes[p] != b'>' {
                    p += 1;
                }
                decode_entities_into(html.get(vstart..p).unwrap_or(""), &mut value);
            }
        }
        if attrs.len() < 64 && !attrs.iter().any(|(n, _)| **n == *aname) {
            attrs.push((aname.into_boxed_str(), value));
        }
    }
    (
        Element {
            flags: tag_flags(&name),
            tag: name.into_boxed_str(),
            attrs,
        },
        self_closing,
        p,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implicit_paragraph_and_list_ends() {
        let dom = Dom::parse("<div><p>one<p>two<ul><li>a<li>b</ul></div>");
        let ps: Vec<_> = dom.find_all("p").collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_of(ps[0]), "one");
        let lis: Vec<_> = dom.find_all("li").collect();
        assert_eq!(dom.text_of(lis[1]), "b");
    }

    #[test]
    fn attributes_comments_and_raw_text() {
        let dom = Dom::parse(
            "<!-- x<p>no</p> --><div class='a b' id=main data-x=\"&amp;\">t<script>if(a<b){}</script>u</div>",
        );
        let div = dom.find_all("div").next().unwrap();
        let e = dom.element(div).unwrap();
        assert_eq!(e.attr("class"), Some("a b"));
        assert_eq!(e.attr("id"), Some("main"));
        assert_eq!(e.attr("data-x"), Some("&"));
        assert_eq!(dom.text_of(div), "tu");
        assert_eq!(dom.find_all("p").count(), 0);
    }

    #[test]
    fn void_elements_hold_nothing() {
        let dom = Dom::parse("<div><hr><p>a</p><img src=x><br>b</div>");
        for void in ["hr", "img", "br"] {
            let id = dom.find_all(void).next().unwrap();
            assert!(dom.nodes[id].children.is_empty(), "{void}");
        }
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for s in [
            "<",
            "</",
            "<a",
            "<a b='",
            "<!--",
            "<script>",
            "</x",
            "<p/>",
            "&#xFFFFFF;",
            "<a =>",
        ] {
            let _ = Dom::parse(s);
        }
    }
}
