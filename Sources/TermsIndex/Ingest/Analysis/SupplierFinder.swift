import Foundation

/// Where in a document a supplier name was read.
enum SupplierSource: Hashable {
    /// A party the text defines: "Gebruiker: X", "(hierna: "X")", "handelend onder de naam X".
    case definedParty
    /// A legal entity the text names: "X B.V.", "X bvba", "Stichting X", "X Ltd".
    case legalEntity
    /// A legal entity on a line with a KvK, BTW or company number.
    case registration
    /// What the document's title says besides "terms".
    case title
    /// The file name (or its folder's, when the file name is generic), found in the text.
    case fileName
    /// A web or mail domain: "www.voorbeeld.nl", "info@voorbeeld.nl".
    case website

    /// How much the source alone says; a name several sources agree on adds their weights.
    var weight: Double {
        switch self {
        case .definedParty: 3.5
        case .legalEntity: 3
        case .registration: 1.5
        case .title: 2
        case .fileName: 1.5
        case .website: 1
        }
    }
}

/// A name that may be the supplier, with the sources that gave it.
struct SupplierCandidate {
    /// The name as the text spells it, without legal form.
    var name: String
    var sources: Set<SupplierSource>
}

extension MetadataExtractor {
    /// Trade associations whose model terms suppliers adopt; their name in a title is not the supplier.
    static let tradeAssociations: Set<String> = [
        "nba", "koninklijke nba", "nldigital", "fenit", "nederland ict", "bovag", "uneto-vni",
        "techniek nederland", "thuiswinkel", "novaa", "sra", "anvr",
    ]

    /// Institutions that terms name for disputes, supervision or registration; never the supplier.
    static let institutions = #"geschillencommissie|klachteninstituut|kifid|nederlandsche bank|autoriteit|kamer van koophandel|chamber of commerce|terrorisme|herverzekering|stichting cis|consumentenbond|thuiswinkel|belastingdienst|europese commissie|rechtbank|ombudsman"#

    /// Words that name a role, a pronoun or a thing, not a party: a "name" made of them is a heading
    /// fragment or a sentence fragment.
    static let roleWords: Set<String> = [
        "gebruiker", "opdrachtnemer", "opdrachtgever", "leverancier", "ondernemer", "consument", "klant",
        "verzekeraar", "verzekerde", "verzekeringnemer", "koper", "verkoper", "dienstverlener", "afnemer",
        "wederpartij", "partij", "partijen", "huurder", "verhuurder", "aanbieder", "deelnemer", "lid",
        "user", "customer", "client", "supplier", "company", "provider", "party", "parties", "seller", "buyer",
        "wij", "we", "ons", "onze", "uw", "u", "jij", "je", "jouw", "our", "your", "us", "you", "deze", "dit",
        "this", "these", "mijn", "my", "het", "een", "praktijk", "bedrijf", "onderneming", "webshop", "winkel",
        "website", "app", "platform", "dienst", "diensten", "product", "producten", "overeenkomst", "polis",
        "vragen", "contact", "toepassing", "definities", "artikel", "article", "inhoud", "verkoop",
        "privacy", "cookies", "statement", "verklaring", "beleid", "policy", "verzekering", "voorwaarden",
    ]

    /// Words that may stand in lower case inside a name ("Vlist en Otten", "Huis van de Sport").
    static let nameConnectors: Set<String> = ["van", "de", "der", "den", "het", "en", "and", "of", "&", "|", "~", "-", "–", "'t", "te", "op", "aan", "by"]

    /// Legal forms after a name; case matters ("verzonden. Vervolgens" is no "N.V.").
    static let legalForm = #"\s*,?\s*\b(?:B\.\s?V\.?|BV|bv|b\.v\.?|N\.\s?V\.?|NV|V\.O\.F\.?|VOF|vof|C\.V\.|Comm\.?\s?V\.?|CommV|BVBA|bvba|SRL|srl|S\.A\.|SE|Ltd\.?|GmbH|Inc\.?|LLC)(?=\s|$|[,.;:)])\.?"#

    /// A run of capitalised words, with lower-case connectors inside: the shape of a trade name
    /// ("Vlist en Otten", "Huis van de Sport", "Beauty Bar by Chantal").
    static let nameRun = #"((?:[A-Z0-9][\w~&.'’@-]*)(?:\s(?:[A-Z0-9][\w~&.'’@-]*|&|\||en|van|de|der|den|by|-|–)){0,5})"#

    /// The supplier: the candidate that most sources agree on and the text repeats most, spelled as
    /// the text spells it.
    /// `titles`: the document's title and any title the reader found outside the text.
    static func supplier(lines: [String], titles: [String], fileName: String) -> String? {
        let fileWords = fileNameWords(fileName).filter { !tradeAssociations.contains($0) }
        var candidates: [String: SupplierCandidate] = [:]
        func add(_ raw: String, _ source: SupplierSource) {
            let name = trimmedName(raw)
            guard isPlausibleName(name) else { return }
            let key = nameKey(name)
            guard key.count >= 2 else { return }
            if candidates[key] == nil {
                candidates[key] = SupplierCandidate(name: name, sources: [source])
            } else {
                candidates[key]?.sources.insert(source)
                // A defined party or legal entity spells the name better than a title or a domain.
                if source.weight > (candidates[key]?.sources.map(\.weight).max() ?? 0) - 0.01, source != .website {
                    candidates[key]?.name = name
                }
            }
        }
        // Title lines anywhere in the document: easycomp names itself only in its second, B2B title.
        for line in (titles + titleCandidates(lines, limit: lines.count)) {
            guard let name = supplier(fromTitle: line), !tradeAssociations.contains(name.lowercased()) else { continue }
            add(name, .title)
        }
        var domainNames: Set<String> = []
        for (i, line) in lines.enumerated() {
            for (name, registered) in legalEntities(line, previous: i > 0 ? lines[i - 1] : "") {
                add(name, .legalEntity)
                if registered { add(name, .registration) }
            }
            for name in definedParties(line) { add(name, .definedParty) }
            domainNames.formUnion(domains(line))
        }
        for name in domainNames.sorted() {
            let parts = name.split(separator: "-").map(String.init)
            let spelled = locate(parts, in: lines).flatMap { $0.contains(where: \.isUppercase) ? $0 : nil }
            add(spelled ?? titleCased(parts.joined(separator: " ")), .website)
        }
        if !fileWords.isEmpty, let found = locate(fileWords, in: lines) { add(found, .fileName) }

        let text = lines.joined(separator: "\n")
        let lowered = text.lowercased()
        func score(_ c: SupplierCandidate) -> Double {
            var s = c.sources.reduce(0) { $0 + $1.weight }
            s += log2(1 + Double(occurrences(of: c.name, in: text, lowered: lowered)))
            let key = nameKey(c.name)
            if fileWords.contains(where: { $0.count >= 3 && key.contains($0) }) || (!key.isEmpty && fileWords.joined().contains(key)) { s += 2 }
            // A title word that the text never repeats is a heading, not a name ("Acceptance of the Terms").
            if c.sources == [.title], occurrences(of: c.name, in: text, lowered: lowered) < 2 { s -= 3 }
            return s
        }
        let ranked = candidates.values.map { ($0, score($0)) }.sorted { $0.1 > $1.1 }
        if let best = ranked.first, best.1 > 0 { return displayName(fullName(best.0.name, in: text)) }
        guard !fileWords.isEmpty else { return nil }
        return titleCased(fileWords.joined(separator: " "))
    }

    /// `name` with the capitalised words that the text puts after it nearly every time: a definition
    /// wrapped after "Allianz Global" still names "Allianz Global Assistance".
    static func fullName(_ name: String, in text: String) -> String {
        var full = name
        for _ in 0..<2 {
            let followers = allMatches(text, #"(?<![\w])"# + NSRegularExpression.escapedPattern(for: full) + #"(?:\s+([A-Z][\w&'’-]+)(?=[\s,;:).]|$))?"#,
                                       caseSensitive: true).map { $0[1] }
            guard followers.count >= 2 else { break }
            let counts = Dictionary(followers.filter { !$0.isEmpty }.map { ($0, 1) }, uniquingKeysWith: +)
            guard let (next, n) = counts.max(by: { $0.value < $1.value }), n * 3 >= followers.count * 2,
                  !roleWords.contains(next.lowercased()), !genericWords.contains(next.lowercased()),
                  firstMatch(next, legalForm, caseSensitive: true) == nil else { break }
            full += " " + next
        }
        return full
    }

    /// How often the text spells `name`: case-sensitive, except for a name in capitals.
    static func occurrences(of name: String, in text: String, lowered: String) -> Int {
        let isCapitals = name == name.uppercased()
        let haystack = isCapitals ? lowered : text
        let needle = isCapitals ? name.lowercased() : name
        guard !needle.isEmpty else { return 0 }
        return haystack.components(separatedBy: needle).count - 1
    }

    /// A name with legal form, web suffix, quotes and trailing punctuation removed.
    static func trimmedName(_ raw: String) -> String {
        var s = raw.replacingOccurrences(of: legalForm, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"^(?:Stichting|Vereniging|Foundation)\s+"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"["“”„'‘’«»®™©]"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:-–|()[]"))
    }

    /// The folded spelling two candidates share when they name the same party ("Vinci Club", "vinci-club").
    static func nameKey(_ name: String) -> String {
        String(stripDomain(name).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .filter { $0.isLetter || $0.isNumber })
    }

    /// Whether `name` can be a party's name: short, capitalised, not a role, heading or sentence fragment.
    static func isPlausibleName(_ name: String) -> Bool {
        let tokens = name.split(separator: " ").map(String.init)
        guard !tokens.isEmpty, tokens.count <= 6, name.count <= 60, name.contains(where: \.isUppercase) else { return false }
        if matches(name, #"^\d+[.)]?(\s|$)|-$|voorwaarden|conditions|\bterms\b|^(artikel|article|hoofdstuk|bijlage)\b"#) { return false }
        if matches(name, institutions) { return false }
        // A form or class code ("GW12-01-03", "IN104") is no name.
        if firstMatch(name, #"^[A-Za-z]{1,4}\d+(?:[-./]\d+)*$"#, caseSensitive: true) != nil { return false }
        // "(hierna: "Bewerkersovereenkomst")" defines a document, not a party.
        if matches(name, #"(overeenkomst|agreement|contract|regeling|reglement|beleid|verklaring|statement|policy|bijlage|annex|wet|act)$"#) { return false }
        for t in tokens where t.first?.isLowercase == true && !nameConnectors.contains(t) { return false }
        let ws = words(name)
        if ws.isEmpty || ws.allSatisfy({ roleWords.contains($0) || genericWords.contains($0) || nameConnectors.contains($0) }) { return false }
        if let first = ws.first, roleWords.contains(first), ws.count <= 2 { return false }
        return true
    }

    /// The spelling to show: no web suffix, and a name in capitals in title case ("ACTIEPARASOL").
    static func displayName(_ name: String) -> String {
        var s = stripDomain(name)
        if s == s.uppercased(), s.count > 4, !s.contains("~"), !s.contains(" ") || s.count > 12 { s = titleCased(s) }
        return s
    }

    /// What is left of a title once the words for "terms" are gone, if it looks like a name.
    static func supplier(fromTitle title: String) -> String? {
        var s = title
        // Drop a subject in quotes: 'Voorwaarden "Meekijksessie"' names a service, not a supplier.
        s = s.replacingOccurrences(of: #"["“”„'‘’][^"“”„'‘’]*["“”„'‘’]"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: legalForm, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\b(?:19|20)\d{2}\b"#, with: " ", options: .regularExpression)
        // "Noordeloos Rechtsbijstandpolis, Particulier": what follows a comma is a subject.
        if let comma = s.firstIndex(of: ",") { s = String(s[..<comma]) }
        var tokens = s.split(separator: " ").map(String.init)
        let connector: Set<String> = ["–", "-", "—", ":", "|", "van", "of", "voor", "for", "de", "the", "bij"]
        func isNoise(_ t: String) -> Bool {
            let w = words(t)
            return connector.contains(t.lowercased()) || w.isEmpty || w.allSatisfy { genericWords.contains($0) }
        }
        // "Privacy Statement van Corendon Airlines": the name follows the preposition after a subject.
        if let p = tokens.lastIndex(where: { ["van", "of", "by", "door"].contains($0.lowercased()) }), p > 0, p + 1 < tokens.count,
           tokens[..<p].allSatisfy({ t in words(t).allSatisfy { genericWords.contains($0) || roleWords.contains($0) } }) {
            tokens = Array(tokens[(p + 1)...])
        }
        while let f = tokens.first, isNoise(f) { tokens.removeFirst() }
        while let l = tokens.last, isNoise(l) { tokens.removeLast() }
        guard !tokens.isEmpty, tokens.count <= 4, let first = tokens.first?.first, first.isUppercase || first.isNumber
        else { return nil }
        // "voor consumenten en abonnees" or "Wijzigingen" are subjects, not names.
        if tokens.contains(where: { genericWords.contains($0.lowercased()) && $0.first?.isLowercase == true }) { return nil }
        if tokens.count == 1, matches(tokens[0], #"^(wijziging|wijzigingen|toepasselijkheid|bijlage|annex)$"#) { return nil }
        let name = tokens.joined(separator: " ")
        return name.isEmpty ? nil : name
    }

    /// "Klantassistent.nl" → "Klantassistent": the facet groups a brand with its web address.
    static func stripDomain(_ s: String) -> String {
        s.replacingOccurrences(of: #"\.(nl|com|be|eu|net|org|de|shop|nu|info|io)\b"#, with: "", options: [.regularExpression, .caseInsensitive])
    }

    /// Legal entities named in `line` ("Voorbeeld B.V.", "Stichting Voorbeeld"), each with whether the
    /// line or the one before carries a registration number (KvK, BTW, ondernemingsnummer).
    static func legalEntities(_ line: String, previous: String) -> [(String, Bool)] {
        guard line.count < 2_000 else { return [] }
        var names: [String] = []
        names += allMatches(line, #"\b"# + nameRun + legalForm, caseSensitive: true).map { $0[1] }
        names += allMatches(line, #"\b(?:Stichting|Vereniging)\s"# + nameRun, caseSensitive: true).map { $0[1] }
        guard !names.isEmpty else { return [] }
        let registration = #"\b(kvk|k\.v\.k\.|kamer van koophandel|chamber of commerce|handelsregister|btw|vat|ondernemingsnummer|rpr|company number)\b"#
        let registered = matches(line, registration) || matches(previous, registration)
        return names.map { (dropSentenceStart($0), registered) }
    }

    /// A name without the capitalised sentence opening before it ("Daarmee bedoelen" is gone already;
    /// "Met Voorbeeld" loses "Met").
    static func dropSentenceStart(_ name: String) -> String {
        var tokens = name.split(separator: " ").map(String.init)
        let openers: Set<String> = ["met", "door", "bij", "van", "voor", "de", "het", "een", "deze", "dit", "namens", "wij",
                                    "we", "by", "the", "with", "from", "of", "and", "en", "noemen", "is", "zijn"]
        while tokens.count > 1, let f = tokens.first, openers.contains(f.lowercased()), f != "De" || tokens.count > 3 {
            tokens.removeFirst()
        }
        // "Website by Voorbeeld", "Powered by Voorbeeld": what comes before "by" names a thing or a
        // deed, not the party; "Beauty Bar by Chantal" is a name as a whole.
        if let by = tokens.firstIndex(of: "by"), by > 0, by + 1 < tokens.count,
           tokens[..<by].allSatisfy({ t in words(t).allSatisfy { roleWords.contains($0) || genericWords.contains($0) || bylineWords.contains($0) } }) {
            tokens = Array(tokens[(by + 1)...])
        }
        return tokens.joined(separator: " ")
    }

    /// Words of a credit line before "by" ("Powered by", "Designed by", "Site by").
    static let bylineWords: Set<String> = ["powered", "made", "designed", "built", "created", "developed", "operated",
                                          "provided", "hosted", "site", "design", "theme", "published", "written"]

    /// Names the text defines as a party: "Gebruiker: X", "Opdrachtnemer: X, gevestigd te ...",
    /// "(hierna: "X")", "hierna te noemen 'X'", "handelend onder de naam X".
    static func definedParties(_ line: String) -> [String] {
        var names: [String] = []
        let roles = #"bedrijfsnaam|handelsnaam|statutaire naam|company name|trade name|gebruiker|opdrachtnemer|ondernemer|verkoper|leverancier|dienstverlener|verzekeraar|verhuurder|aanbieder|organisator|we/wij/ons(?:/verzekeraar)?|wij|supplier|provider|company|seller"#
        if let m = firstMatch(line, #"^(?:[-*•]\s*)?(?:de\s+|het\s+|the\s+)?(?:"# + roles + #")\s*(?:\([^)]*\))?\s*:\s*([^,;()]{2,80})"#) {
            names.append(String(m[1].prefix(while: { $0 != ":" })).replacingOccurrences(
                of: #"\s+(?:gevestigd|met|ingeschreven|kantoor|te|die|dat|welke|located|registered|with)\b.*$"#, with: "", options: .regularExpression))
        }
        // "(hierna: "X")" names a party only after a party: "Wet bescherming persoonsgegevens (hierna: "Wbp")" does not.
        if let m = firstMatch(line, #"(\S+)\s*\(?\s*\b(?:hierna(?:\s+te\s+noemen|\s+genoemd)?|hereinafter|hereafter)\s*:?\s*(?:referred to as\s*)?[„“"'‘]([^"”’'„“]{2,40})[”"'’]"#),
           let before = m[1].first, before.isUppercase || before.isNumber || firstMatch(m[1], legalForm, caseSensitive: true) != nil
            || matches(m[1], #"^(gevestigd|located|established|registered|ingeschreven|\d+),?$"#) {
            names.append(m[2])
        }
        // "Voor de firma X, gevestigd te ...", "door X gevestigd te ...", "tussen Klant en X".
        for pattern in [#"\b(?:[Ff]irma|[Ee]enmanszaak)\s+"# + nameRun,
                        nameRun + #",?\s+(?:gevestigd|statutair gevestigd|kantoorhoudende)\s+(?:te|aan|in|op)\b"#,
                        #"\b(?:tussen|between)\s+(?:de\s+|the\s+)?(?:[Kk]lant|[Oo]pdrachtgever|[Cc]onsument|[Cc]ustomer|[Cc]lient|u|jou|you)\s+(?:en|and)\s+"# + nameRun] {
            names += allMatches(line, pattern, caseSensitive: true).map { $0[1] }
        }
        if let m = firstMatch(line, #"\b(?:[Hh]andelend onder de (?:handels)?naam|h\.o\.d\.n\.|ook bekend onder de naam|onder de naam|trading as|doing business as)\s*:?\s*[„“"'‘]?"# + nameRun, caseSensitive: true) {
            names.append(m[1])
        }
        return names.map { dropSentenceStart($0) }
    }

    /// Names of the web and mail domains in `line`: "www.vinci-club.be", "info@voorbeeld.nl" → "vinci-club", "voorbeeld".
    static func domains(_ line: String) -> [String] {
        allMatches(line, #"(?:\bwww\.|https?://(?:www\.)?|@)([a-z0-9][a-z0-9-]{1,40})\.(?:nl|be|com|eu|net|org|de|shop|nu|info|io|co\.uk)\b"#,
                   caseSensitive: false).map { $0[1] }
    }

    /// Every match of `pattern` in `s` with its groups.
    static func allMatches(_ s: String, _ pattern: String, caseSensitive: Bool) -> [[String]] {
        guard let compiled = CompiledPatterns.shared.pattern(pattern, caseInsensitive: !caseSensitive), compiled.mayMatch(s)
        else { return [] }
        return compiled.regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { m in
            (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: s).map { String(s[$0]) } ?? "" }
        }
    }

    /// Words of the file name that could name a supplier: no extension, number prefix or "voorwaarden";
    /// when the file name is generic ("supplier-x/algemene-voorwaarden.pdf"), its folder's.
    static func fileNameWords(_ fileName: String) -> [String] {
        func nameWords(_ component: String) -> [String] {
            var base = component
            if let dot = base.lastIndex(of: "."), base.distance(from: dot, to: base.endIndex) <= 5 { base = String(base[..<dot]) }
            base = base.replacingOccurrences(of: #"^\d+[_\- ]+"#, with: "", options: .regularExpression)
            let generic = genericWords.union(["en", "nl", "pdf", "av", "final", "def", "concept", "docs", "documents", "files",
                                              "downloads", "tmp", "data", "web", "www", "pages"])
            return words(base).filter { !generic.contains($0) && Int($0) == nil }
        }
        let path = fileName as NSString
        let own = nameWords(path.lastPathComponent)
        if !own.isEmpty { return own }
        let folder = (path.deletingLastPathComponent as NSString).lastPathComponent
        return folder.isEmpty ? [] : nameWords(folder)
    }

    /// The longest run of `fileWords` starting at the first word that the text spells out (any case,
    /// any punctuation between), in the text's own spelling: "creaim reconi" → "CreAIM | Reconi".
    /// Runs that skip the first word are not trusted: "accountants" alone is in every accountant's terms.
    static func locate(_ fileWords: [String], in lines: [String]) -> String? {
        let text = lines.prefix(400).joined(separator: "\n")
        for length in stride(from: fileWords.count, through: 1, by: -1) {
            let run = fileWords[0..<length]
            let pattern = #"\b"# + run.map(NSRegularExpression.escapedPattern(for:)).joined(separator: #"[\s|&~.\-]{0,5}"#) + #"\b"#
            if let m = firstMatch(text, pattern, shared: false), m[0].count > 2 { return m[0] }
        }
        return nil
    }

    static func titleCased(_ s: String) -> String {
        s.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}
