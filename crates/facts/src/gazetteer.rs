//! A small embedded gazetteer: the world's countries and a few well-known territories,
//! capitals and other large or often-reported cities, and news agencies. It only decides
//! the kind of a name the story's own context leaves undecided ("Moscow said", "Iran and
//! Russia"): context always wins.
//!
//! Provenance: compiled for crosswire from the common English short names of the UN member
//! and observer states and their capitals (the same facts the public-domain CIA World
//! Factbook lists), plus widely reported cities and agencies. Names are facts, not
//! creative work; this list is under the project's license.
//!
//! Entries are matching keys as [`crate::entities::key`] makes them: folded lowercase,
//! hyphens as spaces, no leading "the".

/// Countries and territories by their common English names and short forms.
#[rustfmt::skip]
const COUNTRIES: &[&str] = &[
    "afghanistan", "albania", "algeria", "andorra", "angola", "antigua and barbuda",
    "argentina", "armenia", "australia", "austria", "azerbaijan", "bahamas", "bahrain",
    "bangladesh", "barbados", "belarus", "belgium", "belize", "benin", "bhutan", "bolivia",
    "bosnia", "bosnia and herzegovina", "botswana", "brazil", "brunei", "bulgaria",
    "burkina faso", "burundi", "cambodia", "cameroon", "canada", "cape verde",
    "central african republic", "chad", "chile", "china", "colombia", "comoros", "congo",
    "costa rica", "croatia", "cuba", "cyprus", "czech republic", "czechia", "denmark",
    "djibouti", "dominica", "dominican republic", "east timor", "ecuador", "egypt",
    "el salvador", "equatorial guinea", "eritrea", "estonia", "eswatini", "ethiopia", "fiji",
    "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece", "grenada",
    "guatemala", "guinea", "guinea bissau", "guyana", "haiti", "honduras", "hungary", "iceland",
    "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "ivory coast",
    "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait",
    "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein",
    "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta",
    "marshall islands", "mauritania", "mauritius", "mexico", "micronesia", "moldova", "monaco",
    "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "burma", "namibia", "nauru",
    "nepal", "netherlands", "holland", "new zealand", "nicaragua", "niger", "nigeria",
    "north korea", "north macedonia", "macedonia", "norway", "oman", "pakistan", "palau",
    "palestine", "panama", "papua new guinea", "paraguay", "peru", "philippines", "poland",
    "portugal", "qatar", "romania", "russia", "rwanda", "saint lucia", "samoa", "san marino",
    "saudi arabia", "senegal", "serbia", "seychelles", "sierra leone", "singapore", "slovakia",
    "slovenia", "solomon islands", "somalia", "south africa", "south korea", "korea",
    "south sudan", "spain", "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria",
    "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga", "trinidad and tobago",
    "tunisia", "turkey", "turkiye", "turkmenistan", "tuvalu", "uganda", "ukraine",
    "united arab emirates", "uae", "united kingdom", "uk", "britain", "great britain",
    "england", "scotland", "wales", "northern ireland", "united states",
    "united states of america", "usa", "us", "america", "uruguay", "uzbekistan", "vanuatu",
    "vatican", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "gaza", "gaza strip",
    "west bank", "crimea", "kurdistan", "greenland", "hong kong", "macau", "puerto rico",
    "western sahara", "chechnya", "tibet", "xinjiang", "europe", "africa", "asia",
    "middle east", "latin america", "south america", "north america", "balkans", "caucasus",
    "sahel", "scandinavia",
];

/// Capitals and other large or often-reported cities.
#[rustfmt::skip]
const CITIES: &[&str] = &[
    "abu dhabi", "abuja", "accra", "addis ababa", "aleppo", "algiers", "amman", "amsterdam",
    "ankara", "antananarivo", "astana", "asuncion", "athens", "baghdad", "baku", "bamako",
    "bangkok", "bangui", "basra", "beijing", "beirut", "belgrade", "benghazi", "berlin", "bern",
    "bishkek", "bogota", "brasilia", "bratislava", "brazzaville", "brussels", "bucharest",
    "budapest", "buenos aires", "cairo", "canberra", "caracas", "casablanca", "chicago",
    "colombo", "conakry", "copenhagen", "dakar", "damascus", "dar es salaam", "deir ez zor",
    "delhi", "new delhi", "dhaka", "doha", "donetsk", "dubai", "dublin", "dushanbe", "erbil",
    "frankfurt", "freetown", "geneva", "guangzhou", "hamburg", "hanoi", "harare", "havana",
    "helsinki", "ho chi minh city", "homs", "islamabad", "istanbul", "jakarta", "jeddah",
    "jerusalem", "johannesburg", "juba", "kabul", "kampala", "kandahar", "karachi", "kathmandu",
    "khartoum", "kharkiv", "kiev", "kyiv", "kigali", "kinshasa", "kirkuk", "kuala lumpur",
    "kuwait city", "lagos", "lahore", "la paz", "latakia", "lima", "lisbon", "ljubljana",
    "london", "los angeles", "luanda", "lusaka", "lyon", "madrid", "managua", "manila",
    "maputo", "marseille", "mecca", "medina", "melbourne", "mexico city", "milan", "minsk",
    "mogadishu", "monrovia", "montevideo", "montreal", "moscow", "mosul", "mumbai", "munich",
    "muscat", "nairobi", "naples", "ndjamena", "niamey", "nicosia", "nouakchott", "odessa",
    "oslo", "ottawa", "ouagadougou", "paris", "phnom penh", "port au prince", "prague",
    "pretoria", "pristina", "pyongyang", "quito", "rabat", "raqqa", "riga", "riyadh",
    "rio de janeiro", "rome", "sanaa", "santiago", "santo domingo", "sao paulo", "sarajevo",
    "seoul", "shanghai", "singapore", "skopje", "sofia", "stockholm", "sydney", "taipei",
    "tallinn", "tashkent", "tbilisi", "tegucigalpa", "tehran", "tel aviv", "tirana", "tokyo",
    "toronto", "tripoli", "tunis", "ulaanbaatar", "vienna", "vilnius", "warsaw", "washington",
    "wellington", "windhoek", "yangon", "yaounde", "yerevan", "zagreb",
];

/// News agencies and broadcasters, which articles cite as sources ("told Reuters").
#[rustfmt::skip]
const NEWS_AGENCIES: &[&str] = &[
    "reuters", "afp", "agence france presse", "ap", "associated press", "bloomberg", "upi",
    "xinhua", "tass", "itar tass", "interfax", "ria novosti", "sputnik", "anadolu",
    "anadolu agency", "dpa", "efe", "ansa", "kyodo", "yonhap", "irna", "fars", "tasnim", "sana",
    "pti", "bbc", "cnn", "al jazeera", "al arabiya", "sky news", "ntv", "trt",
];

/// Whether a name's key is a known country, region or city.
pub(crate) fn is_place(key: &str) -> bool {
    COUNTRIES.contains(&key) || CITIES.contains(&key)
}

/// Whether a name's key is a known news agency or broadcaster.
pub(crate) fn is_news_agency(key: &str) -> bool {
    NEWS_AGENCIES.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::key;

    #[test]
    fn keys_match_how_names_are_keyed() {
        for name in [
            "Moscow",
            "Iran",
            "the United States",
            "Guinea-Bissau",
            "Port-au-Prince",
        ] {
            assert!(is_place(&key(name)), "{name}");
        }
        for name in ["Reuters", "Agence France-Presse", "AFP"] {
            assert!(is_news_agency(&key(name)), "{name}");
        }
        assert!(!is_place(&key("Hulusi Akar")));
        // Every entry is already a key.
        for k in COUNTRIES.iter().chain(CITIES).chain(NEWS_AGENCIES) {
            assert_eq!(key(k), *k);
        }
    }
}
