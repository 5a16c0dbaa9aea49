import Foundation

/// Paragraphs of a .docx: `word/document.xml` taken out with `unzip -p`, then read with the
/// markup tokenizer (`<w:p>` paragraphs, `<w:t>` text, heading styles, numbered paragraphs with
/// the labels Word computes for them: `DocxNumbering`).
struct DocxExtractor {
    func documentXML(fileAt path: String, limits: ReadLimits) throws -> String {
        try ZipMember(name: "word/document.xml").text(fileAt: path, limits: limits)
    }

    /// The document's list numbering and its styles' numbering; none when the archive lacks them.
    func numbering(fileAt path: String, limits: ReadLimits) -> DocxNumbering {
        let numbering = try? ZipMember(name: "word/numbering.xml").text(fileAt: path, limits: limits)
        guard numbering != nil else { return DocxNumbering() }
        return DocxNumbering(numberingXML: numbering, stylesXML: try? ZipMember(name: "word/styles.xml").text(fileAt: path, limits: limits))
    }

    /// The paragraphs of `xml`, each numbered paragraph starting with the label Word shows.
    func extract(xml: String, numbering: DocxNumbering = DocxNumbering()) -> [RawBlock] {
        var numbering = numbering
        var numID: String?, numLevel: Int?, style: String?
        let tokens = MarkupTokenizer(rawTextElements: []).tokenize(xml)
        var blocks: [RawBlock] = []
        var kind: TextBlock.Kind = .paragraph
        var lines: [RawLine] = []
        var line = ""
        var inText = false
        var inParagraph = false
        func endParagraph() {
            if !line.isEmpty { lines.append(RawLine(line, breakBefore: lines.isEmpty ? .unknown : .hard)) }
            // Word numbers a paragraph whether or not it has text: the counters advance anyway.
            if let label = numbering.label(numId: numID, level: numLevel, style: style), !lines.isEmpty {
                lines[0].text = label + " " + lines[0].text
            }
            if !lines.isEmpty { blocks.append(RawBlock(kind: kind, lines: lines)) }
            lines = []
            line = ""
            kind = .paragraph
            numID = nil; numLevel = nil; style = nil
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
                    style = attributes["w:val"]
                    if let level = DocxExtractor.headingLevel(style: attributes["w:val"] ?? "") { kind = .heading(level: level) }
                case "w:numpr":
                    if case .paragraph = kind { kind = .listItem }
                case "w:numid":
                    numID = attributes["w:val"]
                case "w:ilvl":
                    numLevel = attributes["w:val"].flatMap { Int($0) }
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
