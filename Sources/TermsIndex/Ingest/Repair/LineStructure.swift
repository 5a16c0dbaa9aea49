import Foundation

/// How a line relates to the one before it, as far as the source format tells.
enum LineBreak: Sendable {
    /// Plain text and PDF: the repairer decides from the words.
    case unknown
    /// The format joins these lines (HTML source newlines, Markdown paragraph lines).
    case soft
    /// The format breaks here (`<br>`, `<w:br/>`, Markdown hard break).
    case hard
}

/// One line of extracted text before repair; `page` counts form feeds (PDF pages).
struct RawLine: Sendable {
    var text: String
    var breakBefore: LineBreak
    var page: Int

    init(_ text: String, breakBefore: LineBreak = .unknown, page: Int = 0) {
        self.text = text
        self.breakBefore = breakBefore
        self.page = page
    }
}

/// A block as a reader found it: kind from the format, lines still to repair and join.
struct RawBlock: Sendable {
    var kind: TextBlock.Kind
    var lines: [RawLine]
}

/// Recognises lines that start a new unit of a terms document (clause, article, bullet, heading).
enum UnitStart {
    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [])
    }

    private static let patterns: [NSRegularExpression] = [
        regex(#"^\d{1,3}(\.\d{1,3})+\.?(\s|$|(?=\p{Lu}\p{Ll}\p{Ll}))"#), // 1.1  14.1  3.10  1.1.  1.6Indien
        regex(#"^\d{1,3}[.)](\s|$)"#),                            // 1.  1)
        regex(#"^\d{1,3}\s+\p{Lu}"#),                             // 1 DEFINITIES
        regex(#"^[A-Z]\.\d{1,3}(\.\d{1,3})*\.?(\s|$)"#),          // A.8.3
        regex(#"^[A-Za-z][.)](\s|$)"#),                           // a.  a)  A.
        regex(#"^\(([a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)(\s|$)"#),      // (a)  (iv)  (1), not (BTW)
        regex(#"^(?i:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)[.)](\s|$)"#),
        regex(#"^(?i:artikel|article|art\.|module|bijlage|annex|appendix|hoofdstuk|chapter)\s*([0-9]+(\.[0-9]+)*|[IVXLC]+|[A-Za-z])\b[.:]?(\s+[\p{Lu}\d(“"'‘]|\s*[-–—:]|\s*$)"#),
        regex(#"^(Module|Bijlage|Annex|Appendix|MODULE|BIJLAGE|ANNEX|APPENDIX)\s+\p{Lu}"#),
        regex(#"^[●•·▪◦■□➢►✓\-*–—](\s|$)"#),                      // bullets
        regex(#"^o\s"#),
        regex(#"^#{1,6}\s"#),
    ]

    /// True when `line` (already trimmed) begins a new clause, article, list item or heading.
    static func isUnitStart(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        if isAllCapsHeading(line) { return true }
        let v = first.value
        let plausible = (v >= 0x30 && v <= 0x39) || first.properties.isAlphabetic || "(●•·▪◦■□➢►✓-*–—#".unicodeScalars.contains(first)
        guard plausible else { return false }
        // Most lines are prose; rule them out without running the expressions.
        if first.properties.isAlphabetic {
            let head = line.prefix(12).lowercased()
            let keywords = ["artikel", "article", "art.", "module", "bijlage", "annex", "appendix", "hoofdstuk", "chapter", "o "]
            let marker = head.prefix(6).contains { $0 == "." || $0 == ")" }
            if !marker && !keywords.contains(where: { head.hasPrefix($0) }) { return false }
        }
        let probe = String(line.prefix(120))
        let range = NSRange(probe.startIndex..., in: probe)
        return patterns.contains { $0.firstMatch(in: probe, options: [.anchored], range: range) != nil }
    }

    /// A short line with at least three letters and no lowercase letter ("ALGEMEEN", "ARTIKEL 3").
    static func isAllCapsHeading(_ line: String) -> Bool {
        guard line.count <= 100 else { return false }
        var letters = 0
        for s in line.unicodeScalars where s.properties.isAlphabetic {
            if s.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 3
    }

    /// A line after which the next line starts a new paragraph: all-caps, Markdown heading, or
    /// a short article heading without closing punctuation ("Artikel 2 Toepasselijkheid").
    static func isHeadingLine(_ line: String) -> Bool {
        if isAllCapsHeading(line) || line.hasPrefix("#") { return true }
        guard line.count <= 80, let last = line.last, !".,;:".contains(last) else { return false }
        let lower = line.quickLowercased()
        let keywords = ["artikel ", "article ", "art. ", "bijlage ", "annex ", "appendix ", "hoofdstuk ", "chapter ", "module "]
        return keywords.contains { lower.hasPrefix($0) } && isUnitStart(line)
    }
}
