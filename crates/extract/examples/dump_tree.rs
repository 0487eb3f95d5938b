//! Debug aid: print the element tree of a page (tag, class/id, live text length).
fn main() {
    let p = std::env::args().nth(1).unwrap_or_default();
    let bytes = crosswire_extract::read_page_file(std::path::Path::new(&p)).unwrap_or_default();
    let html = crosswire_extract::decode_html(&bytes, None).text;
    let dom = crosswire_extract::dom::Dom::parse(&html);
    let max: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(6);
    for (i, n) in dom.nodes.iter().enumerate() {
        if let Some(e) = dom.element(i) {
            let depth = dom.ancestors(i).count();
            if depth <= max {
                let t = dom.text_of(i);
                let t: String = t.chars().take(60).collect();
                println!(
                    "{}{} .{} #{} [{}] {}",
                    "  ".repeat(depth),
                    e.tag,
                    e.attr("class").unwrap_or(""),
                    e.attr("id").unwrap_or(""),
                    n.children.len(),
                    t
                );
            }
        }
    }
}
