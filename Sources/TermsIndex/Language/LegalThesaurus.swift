import Foundation

/// Groups of expressions that say the same thing in terms and conditions (`liability cap`:
/// `beperkt tot`, `ten hoogste`, `limited to`, …), read from a data file a lawyer can review and
/// extend: `legal-thesaurus.txt` beside this file, bundled with termsearch. The format is described
/// at the top of that file. Searches use it to find clauses that answer a question in other words
/// (`QueryExpansion`).
public struct LegalThesaurus: Sendable {
    /// The language variety an expression is written in.
    public enum Variety: String, Sendable, CaseIterable, Codable {
        /// Dutch as written in the Netherlands.
        case nl
        /// Belgian Dutch.
        case be
        /// English.
        case en

        /// The language of clauses written in this variety.
        public var language: Language { self == .en ? .english : .dutch }
    }

    /// One expression of a concept.
    public struct Expression: Sendable, Hashable {
        /// As written in the file ("beperkt tot").
        public var text: String
        public var variety: Variety
        /// Its words, lowercased and with diacritics folded.
        public var words: [String]
    }

    /// A concept and its expressions, in file order.
    public struct Concept: Sendable {
        public var name: String
        public var expressions: [Expression]
        /// A line of the glossary (`english = dutch`): its expressions translate each other but are
        /// not equivalents within one language, so a query finds only the other language's.
        public var translationsOnly = false
    }

    /// The concepts, in file order.
    public let concepts: [Concept]
    /// Where the thesaurus was read from.
    public let source: String

    /// `s` without leading and trailing white space (by scalar, not Foundation's nor by Character:
    /// this runs at every search's start-up).
    static func trimmed(_ s: Substring) -> Substring {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return s[first...last]
    }

    /// Parses thesaurus text; `source` names it in errors. Throws `TermsearchError.invalidThesaurus`
    /// for a line that is not a concept name, a `nl:`/`be:`/`en:` line, a glossary line, a comment or
    /// blank, for an expression line before the first concept, and for a concept without expressions.
    /// A line `english, … = dutch, …` (the glossary's form, `legal-glossary.txt`) is a concept of
    /// translations only.
    public init(text: String, source: String) throws {
        var concepts: [Concept] = []
        func expressions(_ list: Substring, _ variety: Variety) -> [Expression] {
            list.utf8.split(separator: UInt8(ascii: ",")).compactMap { item in
                let text = String(Self.trimmed(Substring(item)))
                let words = WordTokenizer.words(text).map { DiacriticFolding.fold($0.lowercased()) }
                return words.isEmpty ? nil : Expression(text: text, variety: variety, words: words)
            }
        }
        var conceptLine = 0
        func finishConcept() throws {
            if let last = concepts.last, last.expressions.isEmpty {
                throw TermsearchError.invalidThesaurus(path: source, line: conceptLine, reason: "concept '\(last.name)' has no expressions")
            }
        }
        // Lines split on the byte, not by Character (grapheme breaking the whole file cost more
        // than the rest of a search's start-up); a CRLF line's CR is trimmed as white space.
        for (index, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let raw = Substring(bytes)
            let lineNumber = index + 1
            let line = Self.trimmed(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let indented = raw.first == " " || raw.first == "\t"
            if !indented, let equals = line.firstIndex(of: "=") {
                try finishConcept()
                let english = expressions(line[..<equals], .en), dutch = expressions(line[line.index(after: equals)...], .nl)
                guard !english.isEmpty, !dutch.isEmpty else {
                    throw TermsearchError.invalidThesaurus(path: source, line: lineNumber,
                                                           reason: "a glossary line needs English words before '=' and Dutch words after it")
                }
                concepts.append(Concept(name: String(Self.trimmed(line[..<equals])), expressions: english + dutch, translationsOnly: true))
                continue
            }
            if !indented {
                try finishConcept()
                concepts.append(Concept(name: String(line), expressions: []))
                conceptLine = lineNumber
                continue
            }
            guard let colon = line.firstIndex(of: ":"),
                  let variety = Variety(rawValue: Self.trimmed(line[..<colon]).lowercased()) else {
                throw TermsearchError.invalidThesaurus(path: source, line: lineNumber, reason: line.contains("=")
                    ? "a glossary line (english = dutch) starts at the beginning of the line"
                    : "an indented line must start with nl:, be: or en:")
            }
            guard !concepts.isEmpty else {
                throw TermsearchError.invalidThesaurus(path: source, line: lineNumber, reason: "expressions before the first concept name")
            }
            concepts[concepts.count - 1].expressions += expressions(line[line.index(after: colon)...], variety)
        }
        try finishConcept()
        self.concepts = concepts
        self.source = source
    }

    /// Reads the thesaurus at `path`.
    public static func load(path: String) throws -> LegalThesaurus {
        guard let data = FileManager.default.contents(atPath: path) else { throw TermsearchError.pathNotFound(path: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TermsearchError.invalidThesaurus(path: path, line: 0, reason: "not UTF-8 text")
        }
        return try LegalThesaurus(text: text, source: path)
    }

    /// The file name of the bundled thesaurus.
    public static let bundledFileName = "legal-thesaurus.txt"

    /// Where the bundled thesaurus is looked for, first found wins: the resource bundle beside the
    /// executable (SwiftPM copies it there), then the source tree this was built from.
    public static var bundledCandidates: [String] {
        // Plain string paths: Foundation's URL costs a search's start-up more than the file read.
        let source = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/") ?? #filePath.startIndex))
        return [Bundle.main.bundlePath + "/termsearch_TermsIndex.resources/" + bundledFileName, source + "/" + bundledFileName]
    }

    /// The file name of the bundled glossary (English–Dutch translations), beside the thesaurus.
    public static let bundledGlossaryFileName = "legal-glossary.txt"

    /// The glossary termsearch ships with, read once from beside the bundled thesaurus; nil when
    /// it cannot be found or read.
    public static let bundledGlossary: LegalThesaurus? = {
        guard let path = bundledCandidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else { return nil }
        return try? load(path: String(path.prefix(upTo: path.lastIndex(of: "/") ?? path.startIndex)) + "/" + bundledGlossaryFileName)
    }()

    /// The thesaurus termsearch ships with, with its glossary, read once; nil when it cannot be
    /// found (searches then run without expansion, and `--explain` says so).
    public static let bundled: LegalThesaurus? = {
        guard let path = bundledCandidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }),
              let thesaurus = try? load(path: path) else { return nil }
        return bundledGlossary.map(thesaurus.adding) ?? thesaurus
    }()

    private init(concepts: [Concept], source: String) {
        self.concepts = concepts
        self.source = source
    }

    /// This thesaurus with the concepts of `other` after its own (a thesaurus and a glossary).
    public func adding(_ other: LegalThesaurus) -> LegalThesaurus {
        LegalThesaurus(concepts: concepts + other.concepts, source: source + " + " + other.source)
    }

    /// Number of expressions over all concepts.
    public var expressionCount: Int { concepts.reduce(0) { $0 + $1.expressions.count } }

    /// Remarks on a thesaurus a reviewer should look at: an expression listed twice in one concept,
    /// and expressions that are stopwords only (they would expand almost every query).
    public func lint() -> [String] {
        var remarks: [String] = []
        for concept in concepts {
            var seen = Set<String>()
            for expression in concept.expressions {
                let key = expression.variety.language.rawValue + ":" + expression.words.joined(separator: " ")
                if !seen.insert(key).inserted, expression.variety != .be {
                    remarks.append("\(concept.name): '\(expression.text)' is listed twice")
                }
                if expression.words.allSatisfy({ Stopwords.contains($0, language: expression.variety.language) }) {
                    remarks.append("\(concept.name): '\(expression.text)' is only stopwords")
                }
            }
        }
        return remarks
    }
}
