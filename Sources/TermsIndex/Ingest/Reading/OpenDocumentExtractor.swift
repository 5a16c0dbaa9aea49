import Foundation

/// Paragraphs of an OpenDocument text (.odt): `content.xml` taken out of the zip, then read with
/// the markup tokenizer (`<text:h>` headings with their outline level, `<text:p>` paragraphs,
/// paragraphs inside `<text:list-item>` as list items).
struct OpenDocumentExtractor {
    /// Elements whose text is not body text: footnotes and comments would split the paragraph
    /// they sit in, tracked changes hold deleted text.
    static let skipped: Set<String> = ["text:note", "office:annotation", "text:tracked-changes", "text:sequence-decls"]

    func contentXML(fileAt path: String, limits: ReadLimits) throws -> String {
        try ZipMember(name: "content.xml").text(fileAt: path, limits: limits)
    }

    func extract(xml: String) -> [RawBlock] {
        let tokens = MarkupTokenizer(rawTextElements: []).tokenize(xml)
        var blocks: [RawBlock] = []
        var kind: TextBlock.Kind = .paragraph
        var lines: [RawLine] = []
        var line = ""
        var paragraphDepth = 0, listItemDepth = 0, skipDepth = 0
        func endLine() {
            let trimmed = line.trimmingWhitespace()
            if !trimmed.isEmpty { lines.append(RawLine(trimmed, breakBefore: lines.isEmpty ? .unknown : .hard)) }
            line = ""
        }
        func endParagraph() {
            endLine()
            if !lines.isEmpty { blocks.append(RawBlock(kind: kind, lines: lines)) }
            lines = []
        }
        for token in tokens {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if OpenDocumentExtractor.skipped.contains(name) {
                    if !selfClosing { skipDepth += 1 }
                    continue
                }
                guard skipDepth == 0 else { continue }
                switch name {
                case "text:h", "text:p":
                    // A paragraph inside a paragraph (a text box in a frame) ends the outer one.
                    if paragraphDepth > 0 { endParagraph() }
                    if name == "text:h" {
                        let level = Int(attributes["text:outline-level"] ?? "") ?? 1
                        kind = .heading(level: min(max(level, 1), 6))
                    } else if let level = DocxExtractor.headingLevel(style: OpenDocumentExtractor.styleName(attributes["text:style-name"] ?? "")) {
                        kind = .heading(level: level)
                    } else {
                        kind = listItemDepth > 0 ? .listItem : .paragraph
                    }
                    if !selfClosing { paragraphDepth += 1 }
                case "text:list-item", "text:list-header":
                    if !selfClosing { listItemDepth += 1 }
                case "text:s":
                    let count = Int(attributes["text:c"] ?? "") ?? 1
                    line += String(repeating: " ", count: min(max(count, 1), 64))
                case "text:tab":
                    line += " "
                case "text:line-break":
                    endLine()
                default:
                    break
                }
            case .end(let name):
                if OpenDocumentExtractor.skipped.contains(name) { skipDepth = max(0, skipDepth - 1); continue }
                guard skipDepth == 0 else { continue }
                switch name {
                case "text:h", "text:p":
                    endParagraph()
                    paragraphDepth = max(0, paragraphDepth - 1)
                case "text:list-item", "text:list-header":
                    listItemDepth = max(0, listItemDepth - 1)
                default:
                    break
                }
            case .text(let t):
                guard skipDepth == 0, paragraphDepth > 0 else { continue }
                // ODF collapses whitespace in paragraphs as HTML does; <text:s/> carries real spaces.
                line += HTMLExtractor.collapsingSpaces(Entities.decode(t).replacingOccurrences(of: "\n", with: " "))
            }
        }
        endParagraph()
        return blocks
    }

    /// "Heading_20_2" (ODF's encoding of "Heading 2") → "Heading 2".
    static func styleName(_ encoded: String) -> String {
        encoded.replacingOccurrences(of: "_20_", with: " ")
    }
}
