//! Debug aid: why is a snippet (not) extracted? `explain PAGE NEEDLE`
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let bytes = crosswire_extract::read_page_file(std::path::Path::new(&a[1])).unwrap_or_default();
    let html = crosswire_extract::decode_html(&bytes, None).text;
    let dom = crosswire_extract::dom::Dom::parse(&html);
    print!("{}", crosswire_extract::content::explain(&dom, &a[2]));
}
