import Foundation

/// Paragraphs of a .docx: `word/document.xml` taken out with `unzip -p`, then read with the
/// markup tokenizer (`<w:p>` paragraphs, `<w:t>` text, heading styles, numbered paragraphs).
struct DocxExtractor {
    func documentXML(fileAt path: String, limits: ReadLimits) throws -> String {
        try ZipMember(name: "word/document.xml").text(fileAt: path, limits: limits)
    }

    func extract(xml: String) -> [RawBlock] {
        let tokens = MarkupTokenizer(rawTextElements: []).tokenize(xml)
        var blocks: [RawBlock] = []
        var kind: TextBlock.Kind = .paragraph
        var lines: [RawLine] = []
        var line = ""
        var inText = false
        var inParagraph = false
        func endParagraph() {
            if !line.isEmpty { lines.append(RawLine(line, breakBefore: lines.isEmpty ? .unknown : .hard)) }
            if !lines.isEmpty { blocks.append(RawBlock(kind: kind, lines: lines)) }
            lines = []
            line = ""
            kind = .paragraph
        }
        for token in tokens {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                switch name {
                case "w:p":
                    if inParagraph { endParagraph() }
                    inParagraph = !selfClosing
                case "w:t":
                    inText = !selfClosing
                case "w:tab":
                    line += " "
                case "w:br", "w:cr":
                    lines.append(RawLine(line, breakBefore: lines.isEmpty ? .unknown : .hard))
                    line = ""
                case "w:pstyle":
                    if let level = DocxExtractor.headingLevel(style: attributes["w:val"] ?? "") { kind = .heading(level: level) }
                case "w:numpr":
                    if case .paragraph = kind { kind = .listItem }
                default:
                    break
                }
            case .end(let name):
                if name == "w:t" { inText = false }
                if name == "w:p" { endParagraph(); inParagraph = false }
            case .text(let t):
                if inText { line += Entities.decode(t) }
            }
        }
        endParagraph()
        return blocks
    }

    /// "Heading1", "heading 2", "Kop1", "Title"/"Titel" → a level; other styles → nil.
    static func headingLevel(style: String) -> Int? {
        let lower = style.lowercased().replacingOccurrences(of: " ", with: "")
        if lower == "title" || lower == "titel" { return 1 }
        for prefix in ["heading", "kop", "überschrift", "titre"] where lower.hasPrefix(prefix) {
            if let d = Int(lower.dropFirst(prefix.count)), (1...9).contains(d) { return min(d, 6) }
        }
        return nil
    }
}
