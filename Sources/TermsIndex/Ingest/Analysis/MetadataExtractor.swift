import Foundation

/// What sort of terms document a file is; a search facet.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    case generalTerms = "general-terms"
    case generalTermsB2B = "general-terms-b2b"
    case consumerTerms = "consumer-terms"
    case processingAgreement = "processing-agreement"
    /// Terms for one service: SaaS, SLA, hosting, a remote-support session.
    case serviceTerms = "service-terms"
    case annex
    case other
}

/// Document-level facts read from a terms document's text and file name.
public struct ExtractedMetadata: Sendable, Equatable {
    /// The supplier's trade name, without legal form or web domain ("Charper Bonaroo", "Klantassistent").
    public var supplier: String?
    /// The document's own title line ("Algemene voorwaarden – Klantassistent.nl").
    public var title: String?
    /// A version label that is not a date ("1.4", "07-19").
    public var version: String?
    /// The version date as ISO 8601 with the precision the document gives: "2025-04-23", "2018-02", "2017".
    public var versionDate: String?
    /// The kind of document, when the title or text says.
    public var kind: DocumentKind?
    /// Languages with a real share of the text, in order of first appearance.
    public var languages: [Language]

    /// Metadata with every field given explicitly.
    public init(supplier: String? = nil, title: String? = nil, version: String? = nil, versionDate: String? = nil,
                kind: DocumentKind? = nil, languages: [Language] = []) {
        self.supplier = supplier
        self.title = title
        self.version = version
        self.versionDate = versionDate
        self.kind = kind
        self.languages = languages
    }
}

/// Reads supplier, title, version, version date, kind and languages from a terms document.
///
/// Every rule is a heuristic over the first lines and over lines with a version cue; each says in a
/// comment what in the material made it necessary.
public enum MetadataExtractor {
    /// Metadata for the document whose plain text is `text`, stored as `fileName` (which may carry its
    /// folder, "acme/algemene-voorwaarden.pdf": a generic file name leaves the supplier to the folder);
    /// `title` is a title the reader found outside the text (HTML `<title>`, PDF info), used when it names terms.
    /// `detectLanguages`: fill `languages` (callers that detect the language of each clause
    /// anyway, like the ingester, pass false and save a pass over the text).
    /// `runningLines`: the running headers and footers a PDF reader dropped from the text.
    public static func extract(text: String, fileName: String, title givenTitle: String? = nil,
                               runningLines: [String] = [], detectLanguages: Bool = true) -> ExtractedMetadata {
        // pdftotext leaves a lone CR between words of one line (IrisCall); only CRLF ends a line.
        let unified = !text.containsByte(0x0D) ? text
            : text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: " ")
        // Split as `components(separatedBy: "\n")` does, on the byte.
        let lines = unified.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { clean(String(Substring($0))) }.filter { !$0.isEmpty }
        var metadata = ExtractedMetadata()
        let titles = titleCandidates(lines)
        if let given = givenTitle.map(clean), mentionsTerms(given) {
            metadata.title = given
        } else {
            // A bare "Algemene voorwaarden" is only the title when nothing more specific follows it
            // (klantassistent has a bare line first and "Algemene voorwaarden – Klantassistent.nl" after).
            metadata.title = titles.first(where: { !isGenericTitle($0) }) ?? titles.first
        }
        metadata.version = versionLabel(lines)
        metadata.versionDate = versionDate(lines, title: metadata.title, runningLines: runningLines.map(clean))
        metadata.supplier = supplier(lines: lines, titles: [metadata.title, givenTitle.map(clean)].compactMap { $0 }, fileName: fileName)
        metadata.kind = kind(title: metadata.title, text: text)
        if detectLanguages { metadata.languages = languages(unified) }
        return metadata
    }

    // MARK: Lines

    /// A line with markdown heading marks removed and whitespace (PDF tabs, no-break spaces) collapsed.
    static func clean(_ line: String) -> String {
        if isClean(line) { return line }
        // Markup left in the text (a .tsx or .vue page read as text) and zero-width spaces (Google Docs
        // PDFs put one between every two words) hide the words a cue looks for.
        var s = line.replacingOccurrences(of: #"</?[A-Za-z][^<>]{0,300}>"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"[\u200B-\u200D\u2060\uFEFF]"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: "\u{00A0}", with: " ")
        s = s.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        s = s.trimmingCharacters(in: .whitespaces)
        while s.hasPrefix("#") { s = String(s.dropFirst()).trimmingCharacters(in: .whitespaces) }
        return s
    }

    /// Whether `clean` leaves `line` as it is: no leading "#", single spaces between words, and no
    /// other character that `\s` or `.whitespaces` might take for white space. Most lines are.
    static func isClean(_ line: String) -> Bool {
        var previous: Unicode.Scalar = " "  // a leading space is not clean
        for scalar in line.unicodeScalars {
            if scalar == "<" { return false }
            if scalar == " " {
                if previous == " " { return false }
            } else {
                switch scalar.value {
                case 0...0x20, 0x7F...0xA0, 0x1680, 0x180E, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x206F,
                     0x3000, 0xFEFF:
                    return false
                default: break
                }
            }
            previous = scalar
        }
        return previous != " " && line.unicodeScalars.first != "#"
    }

    static func matches(_ s: String, _ pattern: String) -> Bool {
        guard let compiled = CompiledPatterns.shared.pattern(pattern, caseInsensitive: true), compiled.mayMatch(s)
        else { return false }
        if let scalarPattern = compiled.scalarPattern, let folded = FoldedText(s) {
            return scalarPattern.matchCount(in: folded, limit: 1) > 0
        }
        return compiled.regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// The first match of `pattern` in `s` with its groups. `shared`: keep the compiled pattern for
    /// later calls (false for patterns built from one file's data, which would only fill the cache).
    static func firstMatch(_ s: String, _ pattern: String, caseSensitive: Bool = false, shared: Bool = true) -> [String]? {
        let options: NSRegularExpression.Options = caseSensitive ? [] : [.caseInsensitive]
        let re: NSRegularExpression?
        if shared {
            let compiled = CompiledPatterns.shared.pattern(pattern, caseInsensitive: !caseSensitive)
            re = compiled?.mayMatch(s) == true ? compiled?.regex : nil
        } else {
            re = try? NSRegularExpression(pattern: pattern, options: options)
        }
        guard let re, let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
        return (0..<m.numberOfRanges).map { i in
            Range(m.range(at: i), in: s).map { String(s[$0]) } ?? ""
        }
    }

    static func mentionsTerms(_ s: String) -> Bool {
        matches(s, #"voorwaarden|\bterms\b|\bconditions\b|verwerkersovereenkomst|processing agreement"#)
    }

    // MARK: Title

    /// Heading-like lines naming terms: short, not a sentence, not an article heading, not a URL.
    static func titleCandidates(_ lines: [String], limit: Int = 40) -> [String] {
        var result: [String] = []
        let head = Array(lines.prefix(limit))
        var i = 0
        while i < head.count {
            var line = head[i]
            // NBA: "Algemene Voorwaarden NBA 2013 © Gedeponeerd bij ..." — the title ends at the ©.
            if line.containsByte(0xA9), let c = line.firstIndex(of: "©") { line = String(line[..<c]).trimmingCharacters(in: .whitespaces) }
            // IrisCall wraps its title after "en": join a line ending in a connective with the next one.
            // (The cheap test first: most lines name no terms.)
            if i + 1 < head.count, mentionsTerms(line), matches(line, #"\b(en|voor|van|met|and|for|of)$"#) {
                line += " " + head[i + 1]
                i += 1
            }
            i += 1
            guard mentionsTerms(line), isHeadingLike(line) else { continue }
            result.append(line)
        }
        return result
    }

    /// A title the reader found (first heading, HTML or PDF title) if it can be a title: not an
    /// article heading ("Article 1. Definitions"), a list item or a sentence-long line.
    static func usableTitle(_ title: String) -> String? {
        let t = clean(title)
        guard !t.isEmpty, t.count <= 120, t.split(separator: " ").count <= 15,
              !matches(t, #"^(artikel|article|art\.|\d|[•·▪\-*–])"#) else { return nil }
        return t
    }

    static func isHeadingLike(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard !words.isEmpty, words.count <= 12, line.count <= 120 else { return false }
        // A full stop ends a sentence, except after a legal form ("Charper Bonaroo B.V.").
        let legalFormEnd = firstMatch(line, legalForm + "$", caseSensitive: true) != nil
        if (line.hasSuffix(".") && !legalFormEnd) || line.hasSuffix(":") || line.hasSuffix(",") || line.hasSuffix(";") { return false }
        // A wrapped sentence, not a title: starts in lower case or carries a finite verb or negation.
        if line.first?.isLowercase == true { return false }
        if matches(line, #"\b(is|zijn|wordt|worden|kan|zal|heeft|niet|indien|shall|will|are|apply|applies)\b"#) { return false }
        if matches(line, #"^(artikel|article|art\.|\d|[•·▪*–-])"#) { return false }
        if matches(line, #"www\.|https?:|/"#) { return false }
        // Definitions ("SalusCheck B.V.: De besloten ...") are not titles.
        if matches(line, #":\s"#) { return false }
        return true
    }

    /// Words that say "terms" but name no one.
    static let genericWords: Set<String> = [
        "algemene", "voorwaarden", "leveringsvoorwaarden", "verkoopvoorwaarden", "general", "terms", "and",
        "conditions", "condition", "consumers", "consumer", "consumenten", "b2b", "module", "algemeen", "de",
        "van", "of", "the", "en", "voor", "version", "versie", "bijzondere", "aanvullende", "leverancier",
        "supplier", "nl", "ict", "booking", "boekingsvoorwaarden", "reisvoorwaarden", "travel", "sale", "sales",
        "use", "service", "services", "betalingsvoorwaarden", "gebruiksvoorwaarden", "privacy", "standard",
    ]

    static func isGenericTitle(_ title: String) -> Bool {
        words(title).allSatisfy { genericWords.contains($0) }
    }

    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    // MARK: Kind

    /// The kind from title cues first (they are deliberate), then from text cues.
    static func kind(title: String?, text: String) -> DocumentKind {
        let t = title ?? ""
        if matches(t, #"verwerkersovereenkomst|verwerkingsovereenkomst|processing agreement|data processing"#) { return .processingAgreement }
        if matches(t, #"^(bijlage|annex|appendix)\b"#) { return .annex }
        if matches(t, #"consument|consumer|particulier"#) { return .consumerTerms }
        if matches(t, #"\bb2b\b|zakelijk|business"#) { return .generalTermsB2B }
        if matches(t, #"\bsla\b|service level|saas|hosting|gebruiksvoorwaarden|terms of (use|service)|meekijk|["“„]"#) { return .serviceTerms }
        let lower = text.quickLowercased()
        func count(_ pattern: String) -> Int {
            guard let compiled = CompiledPatterns.shared.pattern(pattern, caseInsensitive: false), compiled.mayMatch(lower)
            else { return 0 }
            return compiled.regex.numberOfMatches(in: lower, range: NSRange(lower.startIndex..., in: lower))
        }
        // A customer defined as acting in the course of a business makes the terms B2B; the consumer
        // definition ("die niet handelt in de uitoefening van beroep of bedrijf") must not count.
        let business = count(#"(?<!niet )handel\w* in de uitoefening van (een )?beroep of bedrijf"#)
        let consumer = count(#"\bconsument|\bconsumer|herroepingsrecht|right of withdrawal|\breiziger|\btraveller"#)
        if business > 0, consumer < 2 { return .generalTermsB2B }
        if consumer >= 2 { return .consumerTerms }
        if matches(t, #"^verwerk"#) { return .processingAgreement }
        return .generalTerms
    }

    // MARK: Languages

    /// Languages that cover at least a tenth of the decided words, in order of first appearance.
    static func languages(_ text: String) -> [Language] {
        var paragraphs = text.components(separatedBy: "\n\n")
        if paragraphs.count < 5 { paragraphs = text.components(separatedBy: .newlines) }
        var share: [Language: Int] = [:]
        var order: [Language] = []
        for p in paragraphs {
            guard let lang = LanguageDetector.detect(p) else { continue }
            share[lang, default: 0] += p.split(separator: " ").count
            if !order.contains(lang) { order.append(lang) }
        }
        let total = share.values.reduce(0, +)
        guard total > 0 else { return [] }
        return order.filter { Double(share[$0] ?? 0) / Double(total) >= 0.1 }
    }
}

/// Regular expressions compiled once and shared by every ingestion thread. Compiling is what made
/// metadata extraction expensive: `String.range(of:options: .regularExpression)` compiles anew on
/// every call, and extraction tries a dozen patterns on each of a document's first lines.
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()

    private let lock = NSLock()
    private var cache: [String: CompiledPattern] = [:]

    /// The compiled `pattern` (nil if it does not compile). NSRegularExpression is immutable and
    /// safe to use from several threads once built; the lock guards only the cache.
    func pattern(_ pattern: String, caseInsensitive: Bool) -> CompiledPattern? {
        let key = (caseInsensitive ? "i:" : "c:") + pattern
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        else { return nil }
        let compiled = CompiledPattern(regex: regex, caseInsensitive: caseInsensitive,
                                       requirement: RequiredLiterals.requirement(pattern, lowercased: caseInsensitive),
                                       scalarPattern: caseInsensitive ? ScalarPattern(pattern) : nil)
        cache[key] = compiled
        return compiled
    }
}

/// A shared regular expression with the literals its every match contains.
struct CompiledPattern: Sendable {
    let regex: NSRegularExpression
    let caseInsensitive: Bool
    /// Lower case when `caseInsensitive`; nil when the pattern requires nothing.
    let requirement: RequiredLiterals.Requirement?
    /// The pattern without ICU, for text that `FoldedText` accepts (case-insensitive patterns only).
    let scalarPattern: ScalarPattern?

    /// False when `s` lacks literals that every match contains, so the pattern cannot match: a
    /// byte search instead of a regular expression on most lines.
    func mayMatch(_ s: String) -> Bool {
        guard let requirement else { return true }
        if caseInsensitive, !RequiredLiterals.foldsPlainly(s) { return true }
        return requirement.isMet(by: caseInsensitive ? RequiredLiterals.loweredBytes(s) : Array(s.utf8))
    }
}
