import Foundation

/// The readable text of an HTML page: headings, paragraphs and list items, without navigation,
/// page chrome, scripts, forms or cookie banners.
struct HTMLExtractor {
    static let skipped: Set<String> = [
        "nav", "footer", "aside", "script", "style", "noscript", "template", "svg", "form", "button",
        "select", "iframe", "object", "canvas", "menu", "dialog", "head",
    ]
    static let void: Set<String> = [
        "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source",
        "track", "wbr",
    ]
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "body", "blockquote", "pre", "ul", "ol", "dl", "dd", "dt",
        "table", "tbody", "thead", "tfoot", "tr", "address", "figure", "figcaption", "center", "html",
        "details", "summary", "fieldset", "hr", "header", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    static let bannerWords = ["cookie", "consent", "gdpr", "banner"]

    /// Writes the numbers a browser shows before `<ol>` items ("2. ") into their text. Templates
    /// number their articles this way (`<ol start="2"><li>Levering</li></ol>`).
    var numbersOrderedLists = false

    /// Reads a short paragraph wholly in `<strong>`/`<b>` as a heading one level below the last
    /// real one. Templates mark article headings this way (`<p><strong>Levering</strong></p>`).
    var boldParagraphsAsHeadings = false

    struct Result {
        var blocks: [RawBlock]
        var title: String?
    }

    func extract(_ html: String, honourChrome: Bool = true) -> Result {
        let tokenizer = MarkupTokenizer(rawTextElements: ["script", "style", "title", "textarea", "noscript"])
        let tokens = tokenizer.tokenize(html)
        var stack: [(name: String, skip: Bool, chrome: Bool)] = []
        var openCount: [String: Int] = [:]
        var skipDepth = 0, chromeDepth = 0, headingDepth = 0, preDepth = 0
        var title: String?
        var inTitle = false
        var blocks: [RawBlock] = []
        var kind: TextBlock.Kind = .paragraph
        var lines: [RawLine] = []
        var line = ""
        var pendingBreak: LineBreak = .soft
        var listNumbers: [Int?] = []  // per open <ol>/<ul>: the last number shown, nil for <ul>

        func endLine(_ nextBreak: LineBreak) {
            let trimmed = line.trimmingWhitespace()
            line = ""
            if !trimmed.isEmpty {
                lines.append(RawLine(trimmed, breakBefore: lines.isEmpty ? .unknown : pendingBreak))
                pendingBreak = nextBreak
            } else if nextBreak == .hard {
                pendingBreak = .hard  // an empty source line does not weaken a <br>
            }
        }
        var boldDepth = 0, lastHeadingLevel = 1
        var blockAllBold = true
        func flushBlock(next: TextBlock.Kind = .paragraph) {
            endLine(.soft)
            if !lines.isEmpty {
                if case .heading(let level) = kind { lastHeadingLevel = level }
                if boldParagraphsAsHeadings && blockAllBold && kind == .paragraph && HTMLExtractor.looksLikeHeading(lines) {
                    kind = .heading(level: min(lastHeadingLevel + 1, 6))
                }
                blocks.append(RawBlock(kind: kind, lines: lines))
            }
            lines = []
            kind = next
            pendingBreak = .soft
            blockAllBold = true
        }
        func isBanner(_ attributes: [String: String]) -> Bool {
            let probe = ((attributes["id"] ?? "") + " " + (attributes["class"] ?? "") + " " + (attributes["aria-label"] ?? "")).lowercased()
            return HTMLExtractor.bannerWords.contains { probe.contains($0) }
        }

        for token in tokens {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if name == "title" && title == nil { inTitle = true; continue }
                if name == "br" {
                    if skipDepth == 0 { endLine(.hard) }
                    continue
                }
                let skip = honourChrome && (HTMLExtractor.skipped.contains(name) || isBanner(attributes))
                let chrome = honourChrome && name == "header"
                if HTMLExtractor.blockElements.contains(name) || name == "td" || name == "th" {
                    if skipDepth == 0 {
                        if let level = HTMLExtractor.headingLevel(name) {
                            flushBlock(next: .heading(level: level))
                        } else if name == "li" {
                            flushBlock(next: .listItem)
                            if numbersOrderedLists, let last = listNumbers.last, let shown = last {
                                let number = attributes["value"].flatMap { Int($0) } ?? shown + 1
                                listNumbers[listNumbers.count - 1] = number
                                // Inside an item of an outer <ol>: numbered by its path (3.2), as
                                // Markdown's nested lists are (MarkdownExtractor.ListNesting).
                                let path = listNumbers.compactMap { $0 }
                                line = path.count == listNumbers.count && path.count > 1
                                    ? path.map(String.init).joined(separator: ".") + " " : "\(number). "
                            }
                        } else if name == "td" || name == "th" {
                            endLine(.hard)
                        } else {
                            flushBlock()
                        }
                    }
                }
                if HTMLExtractor.void.contains(name) || selfClosing { continue }
                stack.append((name, skip, chrome))
                if name == "strong" || name == "b" { boldDepth += 1 }
                if name == "ol" { listNumbers.append((attributes["start"].flatMap { Int($0) } ?? 1) - 1) }
                if name == "ul" { listNumbers.append(nil) }
                openCount[name, default: 0] += 1
                if skip { skipDepth += 1 }
                if chrome { chromeDepth += 1 }
                if HTMLExtractor.headingLevel(name) != nil { headingDepth += 1 }
                if name == "pre" { preDepth += 1 }
            case .end(let name):
                if name == "title" { inTitle = false; continue }
                guard (openCount[name] ?? 0) > 0 else {
                    if name == "p" && skipDepth == 0 { flushBlock() }
                    continue
                }
                // Pop up to and including the matching element; each pop is paid for once.
                while let top = stack.popLast() {
                    openCount[top.name, default: 1] -= 1
                    if top.skip { skipDepth -= 1 }
                    if top.chrome { chromeDepth -= 1 }
                    if HTMLExtractor.headingLevel(top.name) != nil { headingDepth -= 1 }
                    if top.name == "pre" { preDepth -= 1 }
                    if top.name == "ol" || top.name == "ul" { _ = listNumbers.popLast() }
                    if top.name == "strong" || top.name == "b" { boldDepth -= 1 }
                    if skipDepth == 0 && (HTMLExtractor.blockElements.contains(top.name)) { flushBlock() }
                    if top.name == name { break }
                }
            case .text(let raw):
                if inTitle {
                    let t = Entities.decode(raw).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                    if !t.isEmpty { title = t }
                    continue
                }
                guard skipDepth == 0, chromeDepth == 0 || headingDepth > 0 else { continue }
                let text = Entities.decode(raw)
                if boldDepth == 0 && !text.allSatisfy(\.isWhitespace) { blockAllBold = false }
                // Source newlines are kept as soft breaks so running footers on their own source
                // line can be recognised; the repairer joins them again.
                var first = true
                for piece in text.splitLines(omittingEmptySubsequences: false) {
                    if !first { endLine(preDepth > 0 ? .hard : .soft) }
                    first = false
                    line += piece.hasOnlySingleScalarCharacters
                        ? HTMLExtractor.collapsingSpaces(piece.unicodeScalars)
                        : HTMLExtractor.collapsingSpaces(piece)
                }
            }
        }
        flushBlock()
        if honourChrome && blocks.isEmpty && tokens.contains(where: { if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) } else { return false } }) {
            // Everything was inside something we skip (an unclosed <nav>, say): better all than nothing.
            let fallback = extract(html, honourChrome: false)
            return Result(blocks: fallback.blocks, title: title ?? fallback.title)
        }
        return Result(blocks: blocks, title: title)
    }

    /// One or two short lines without closing punctuation: a heading's shape.
    static func looksLikeHeading(_ lines: [RawLine]) -> Bool {
        let text = lines.map(\.text).joined(separator: " ")
        guard lines.count <= 2, text.count <= 120, let last = text.last else { return false }
        return !".:;,".contains(last)
    }

    /// Runs of spaces, tabs, CRs and form feeds as one space.
    static func collapsingSpaces<Units: Sequence>(_ units: Units) -> String where Units.Element: TextUnit {
        var collapsed: [Units.Element] = []
        var space = false
        for ch in units {
            if ch == " " || ch == "\t" || ch == "\r" || ch == "\u{0C}" { space = true; continue }
            if space { collapsed.append(" "); space = false }
            collapsed.append(ch)
        }
        if space { collapsed.append(" ") }
        return Units.Element.string(collapsed)
    }

    static func headingLevel(_ name: String) -> Int? {
        guard name.count == 2, name.first == "h", let d = name.last?.wholeNumberValue, (1...6).contains(d) else { return nil }
        return d
    }
}
