/// The names terms and conditions give to the two parties, so that a search for `klant` also
/// finds the clauses that say `opdrachtgever`, `afnemer` or `cliënt`.
///
/// `gebruiker` is in neither group: in art. 6:231 BW the "gebruiker" is the party that uses the
/// general terms, usually the supplier, while in software terms it is the end user on the
/// customer's side. Either expansion would be wrong half the time. See docs/dutch.md.
public enum PartySynonyms {
    /// One of the two contracting parties.
    public enum Party: String, Sendable, CaseIterable {
        case customer
        case supplier
    }

    /// Names of each party, per language, diacritics as written. Multi-word names are phrases.
    public static let names: [Party: [Language: [String]]] = [
        .customer: [
            .dutch: ["klant", "opdrachtgever", "afnemer", "cliënt", "client", "koper",
                     "wederpartij", "consument"],
            .english: ["customer", "client", "buyer", "purchaser", "consumer"],
        ],
        .supplier: [
            .dutch: ["leverancier", "opdrachtnemer", "dienstverlener", "ondernemer", "verkoper",
                     "aanbieder", "handelaar"],
            .english: ["supplier", "contractor", "service provider", "provider", "seller",
                       "vendor", "trader"],
        ],
    ]

    /// Names that are found when a group member is searched, but do not themselves expand: a
    /// search for `consument` wants consumer-law clauses (herroepingsrecht, B2C), not every
    /// clause about a `klant`.
    public static let narrowerNames: Set<String> = ["consument", "consumer"]

    /// The synonym groups: customer names, then supplier names, both languages together and
    /// without duplicates (`client` is Dutch and English).
    public static let groups: [[String]] = Party.allCases.map { members(of: $0, language: nil) }

    /// The party `term` names (any case, with or without diacritics), or nil.
    public static func party(of term: String) -> Party? {
        partyByFoldedName[DiacriticFolding.fold(term.lowercased())]
    }

    /// The synonym group `term` belongs to, or nil.
    public static func group(of term: String) -> [String]? {
        party(of: term).map { groups[Party.allCases.firstIndex(of: $0)!] }
    }

    /// The names of `party`, in one language or (nil) in both.
    public static func members(of party: Party, language: Language?) -> [String] {
        let byLanguage = names[party] ?? [:]
        let languages = language.map { [$0] } ?? Language.allCases
        var seen = Set<String>()
        return languages.flatMap { byLanguage[$0] ?? [] }.filter { seen.insert($0).inserted }
    }

    /// Directed (term, synonym) pairs for Xapian's synonym table, both sides passed through
    /// `stem` word by word (a phrase stays a phrase, its words joined by one space).
    ///
    /// Every name expands to every other name of its party except to itself (after stemming)
    /// and except from `narrowerNames`. Diacritics are folded before stemming, matching the
    /// folded variants the indexer adds. With `language`, only that language's names take part,
    /// so a Dutch stemmer never sees English names.
    public static func synonymPairs(
        stem: (String) -> String, language: Language? = nil
    ) -> [(term: String, synonym: String)] {
        func stemmed(_ name: String) -> String {
            name.split(separator: " ").map { stem(DiacriticFolding.fold(String($0))) }
                .joined(separator: " ")
        }
        var pairs: [(term: String, synonym: String)] = []
        var seen = Set<String>()
        for party in Party.allCases {
            let members = members(of: party, language: language)
            for term in members where !narrowerNames.contains(term) {
                for synonym in members {
                    let (t, s) = (stemmed(term), stemmed(synonym))
                    guard t != s, seen.insert(t + "\u{0}" + s).inserted else { continue }
                    pairs.append((term: t, synonym: s))
                }
            }
        }
        return pairs
    }

    private static let partyByFoldedName: [String: Party] = {
        var map: [String: Party] = [:]
        for party in Party.allCases {
            for name in members(of: party, language: nil) {
                map[DiacriticFolding.fold(name)] = party
            }
        }
        return map
    }()
}
