import Foundation

/// The text of a PDF as poppler lays it out (`pdftotext -bbox-layout`): pages of blocks of lines,
/// each with its box, in poppler's reading order (which follows columns).
struct PDFLayout {
    /// One line with its box, in points from the page's top left corner.
    struct Line {
        var text: String
        var xMin: Double, yMin: Double, xMax: Double, yMax: Double
        /// Where each word starts and ends, for gaps (a table of contents' page numbers).
        var wordStarts: [Double]
        var wordEnds: [Double]
        var height: Double { yMax - yMin }
        var wordCount: Int { wordStarts.count }
    }

    struct Block {
        var lines: [Line]
        var text: String { lines.map(\.text).joined(separator: " ") }
    }

    struct Page {
        var width: Double
        var height: Double
        var blocks: [Block]
    }

    var pages: [Page]
    /// `<meta>` fields of the document (CreationDate, ModDate, Creator, ...).
    var metadata: [String: String]

    /// Parses poppler's `-bbox-layout` output.
    ///
    /// A scan over the bytes for the five elements poppler writes (`meta`, `page`, `block`, `line`,
    /// `word`) rather than a general markup tokenizer: the output is machine-written, a few hundred
    /// kilobytes per document, and every PDF goes through it (the tokenizer made PDF ingestion a
    /// third slower). Unknown tags are skipped; nothing here trusts the input to be well formed.
    init(xhtml: String) {
        pages = []
        metadata = [:]
        var block: Block?
        var line: Line?
        // The top and bottom of the current line's visible words.
        var visibleTop = Double.infinity, visibleBottom = -Double.infinity
        var text = xhtml
        text.withUTF8 { bytes in
            var scanner = LayoutScanner(bytes: bytes)
            while let tag = scanner.nextTag() {
                switch tag {
                case "meta":
                    if let key = scanner.attribute("name"), let content = scanner.attribute("content") {
                        metadata[key] = Entities.decode(content)
                    }
                case "title":
                    metadata["title"] = Entities.decode(scanner.textToNextTag())
                case "page":
                    let width = scanner.number("width"), height = scanner.number("height")
                    pages.append(Page(width: width > 0 ? width : 595, height: height > 0 ? height : 842, blocks: []))
                case "block":
                    block = Block(lines: [])
                case "/block":
                    if let b = block, !b.lines.isEmpty, !pages.isEmpty { pages[pages.count - 1].blocks.append(b) }
                    block = nil
                case "line":
                    line = Line(text: "", xMin: scanner.number("xMin"), yMin: scanner.number("yMin"),
                                xMax: scanner.number("xMax"), yMax: scanner.number("yMax"), wordStarts: [], wordEnds: [])
                case "/line":
                    if var l = line, !l.text.isEmpty {
                        // The box of the words a reader sees: an invisible glyph set in another
                        // font (Pages puts a tall zero-width space between all words) would make
                        // body lines look taller than headings.
                        if visibleTop <= visibleBottom { l.yMin = visibleTop; l.yMax = visibleBottom }
                        block?.lines.append(l)
                    }
                    line = nil
                    visibleTop = .infinity; visibleBottom = -.infinity
                case "word":
                    let start = scanner.number("xMin"), end = scanner.number("xMax")
                    let word = Self.wordText(Entities.decode(scanner.textToNextTag()))
                    guard !word.isEmpty, line != nil, !Self.isInvisible(word) else { continue }
                    let top = scanner.number("yMin"), bottom = scanner.number("yMax")
                    if top < bottom { visibleTop = min(visibleTop, top); visibleBottom = max(visibleBottom, bottom) }
                    if !line!.text.isEmpty { line!.text += " " }
                    line!.text += word
                    line!.wordStarts.append(start)
                    line!.wordEnds.append(end)
                default:
                    continue
                }
            }
        }
    }

    /// The document's title from its `<title>` when it names the document: without Word's
    /// "Microsoft Word - " and file extensions; nil for placeholders ("Naamloos 3", "Untitled"),
    /// file-name slugs and a table of contents' heading.
    var title: String? {
        guard var t = metadata["title"]?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
        for prefix in ["Microsoft Word - ", "Microsoft PowerPoint - "] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
        for suffix in [".docx", ".doc", ".odt", ".pdf", ".rtf"] where t.lowercased().hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
        let lower = t.lowercased()
        let placeholders = ["naamloos", "untitled", "document", "inhoudsopgave", "inhoud", "contents", "table of contents"]
        guard t.count >= 8, t.contains(" "), !placeholders.contains(where: { lower == $0 || lower.hasPrefix($0 + " ") }),
              t.contains(where: \.isLetter) else { return nil }
        return t
    }

    /// The file's own date (ModDate, else CreationDate) as YYYY-MM-DD, if it has a plausible one.
    var fileDate: String? {
        for key in ["ModDate", "CreationDate"] {
            guard let value = metadata[key], value.count >= 10 else { continue }
            let day = String(value.prefix(10))
            let parts = day.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3, (1990...2100).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) { return day }
        }
        return nil
    }

    /// A word's text with the whitespace some PDF producers leave inside it (tabs, carriage
    /// returns, no-break spaces: `De\t\r\u{A0}`) turned into spaces and trimmed; a CR left in would
    /// become a line break.
    static func wordText(_ raw: String) -> String {
        guard raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0xA0 || $0.value == 0x85 }) else {
            return raw.trimmingWhitespace()
        }
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            scalars.append(scalar.value < 0x20 || scalar.value == 0xA0 || scalar.value == 0x85 ? " " : scalar)
        }
        return String(scalars).trimmingWhitespace()
    }

    /// A word made only of invisible format characters (zero-width spaces and joiners, word
    /// joiners, byte-order marks): no text, and no part of the line's box.
    static func isInvisible(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format }
    }

    /// The document as blocks ready for repair: hanging clause numbers joined to their text, page
    /// furniture and tables of contents dropped by position, headings found by font size.
    func rawBlocks() -> [RawBlock] { read().blocks }

    /// `rawBlocks()` with the running headers and footers it dropped (each once), which may still
    /// date the document ("Maart 2016" at the foot of every page).
    func read() -> (blocks: [RawBlock], runningLines: [String]) {
        var pages = self.pages
        for p in pages.indices {
            pages[p].blocks = PDFLayout.readingOrder(PDFLayout.joinBaselines(pages[p].blocks, pageWidth: pages[p].width),
                                                     pageWidth: pages[p].width)
        }
        let runningLines = PDFLayout.dropFurniture(&pages)
        for p in pages.indices { pages[p].blocks = PDFLayout.dropTableOfContents(pages[p].blocks) }
        let headingLevels = PDFLayout.headingLevels(pages)
        let chapterStyles = PDFLayout.numberedHeadingStyles(pages, bodyHeight: headingLevels.body)
        var out: [RawBlock] = []
        for (number, page) in pages.enumerated() {
            for (b, block) in page.blocks.enumerated() {
                let lines = block.lines.map { RawLine($0.text, page: number) }
                var level = PDFLayout.headingLevel(of: block, levels: headingLevels)
                if level == nil, PDFLayout.isUnnumberedChapter(block, styles: chapterStyles) { level = 2 }
                if level == nil, out.isEmpty, PDFLayout.isTitle(block, before: b + 1 < page.blocks.count ? page.blocks[b + 1] : nil) {
                    level = 1
                }
                if let level {
                    out.append(RawBlock(kind: .heading(level: level), lines: lines))
                } else {
                    out.append(RawBlock(kind: .paragraph, lines: lines))
                }
            }
        }
        return (out, runningLines)
    }

    // MARK: Hanging labels

    /// "1.", "2.3", "a)", "(b)", "•": a label that a PDF may place apart from its text.
    static func isHangingLabel(_ text: String) -> Bool {
        guard text.hasAtMostCharacters(8), !text.contains(" ") else { return false }
        if text.count == 1, let s = text.unicodeScalars.first, LineClassifier.bulletScalars.contains(s) || s == "-" || s == "–" { return true }
        var body = Substring(text)
        if body.hasPrefix("(") { body = body.dropFirst() }
        if body.hasSuffix(")") || body.hasSuffix(".") { body = body.dropLast() }
        guard !body.isEmpty else { return false }
        if body.count == 1, let c = body.first, c.isLetter, c.isLowercase { return text.hasSuffix(")") || text.hasSuffix(".") }
        // A bare "3" is as likely a page number; a label has its dot or parenthesis ("3.", "3)", "2.1").
        guard text.count > body.count || body.contains(".") else { return false }
        return body.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// A chapter number without dot or parenthesis ("3" before "Wat is verzekerd?"): one or two digits.
    static func isBareNumber(_ text: String) -> Bool {
        text.count <= 2 && text.first != "0" && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// What ends a table-of-contents entry: its page number, or the arrow of a clickable contents
    /// page ("»", ">>", "›").
    static func isContentsTarget(_ text: String) -> Bool {
        if text.count <= 3, !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return ["»", ">>", "›", ">", "→", "▶", "►"].contains(text)
    }

    /// Joins lines that poppler set apart but that stand on one baseline: a label in the margin
    /// ("1." before its text in the column; a bare chapter number in the same type as its
    /// title), and a page number or link arrow far to the right of a table-of-contents entry. The
    /// joined line keeps every word's position, so the gap stays visible.
    static func joinBaselines(_ blocks: [Block], pageWidth: Double = 595) -> [Block] {
        var blocks = blocks
        struct Position: Hashable { var block: Int, line: Int }
        // Lines by the 4-point bands of height they cover, so finding a line's neighbours on its
        // baseline costs the few lines of one band, not the whole page (a page of a thousand
        // lone "1." lines stays linear).
        let band = 4.0
        var byBand: [Int: [Position]] = [:]
        for (b, block) in blocks.enumerated() {
            for (l, line) in block.lines.enumerated() {
                let first = Int(line.yMin / band)
                for key in first...min(first + 16, max(first, Int(line.yMax / band))) where byBand[key, default: []].count < 64 {
                    byBand[key, default: []].append(Position(block: b, line: l))
                }
            }
        }
        var removed = Set<Position>()
        func partner(of line: Line, except own: Position, toTheRight: Bool, maxGap: Double) -> Position? {
            let middle = (line.yMin + line.yMax) / 2
            var best: (Position, Double)?
            for position in byBand[Int(middle / band)] ?? [] where position != own && !removed.contains(position) {
                let candidate = blocks[position.block].lines[position.line]
                guard candidate.yMin <= middle && middle <= candidate.yMax else { continue }
                let gap = toTheRight ? candidate.xMin - line.xMax : line.xMin - candidate.xMax
                if gap >= -1, gap < maxGap, best.map({ gap < $0.1 }) ?? true { best = (position, gap) }
            }
            return best?.0
        }
        for b in blocks.indices {
            for l in blocks[b].lines.indices where !removed.contains(Position(block: b, line: l)) {
                let line = blocks[b].lines[l]
                let own = Position(block: b, line: l)
                // A bare number is a label only close to a title in its own type that opens with a
                // capital; a number on its own elsewhere is a page number or a table cell.
                let bareLabel = isBareNumber(line.text) ? partner(of: line, except: own, toTheRight: true, maxGap: max(20, line.height * 2))
                    .flatMap { target -> Position? in
                        let title = blocks[target.block].lines[target.line]
                        guard abs(title.height - line.height) <= 0.6, title.text.first?.isUppercase == true else { return nil }
                        return target
                    } : nil
                if let target = bareLabel ?? (isHangingLabel(line.text) ? partner(of: line, except: own, toTheRight: true, maxGap: 80) : nil) {
                    var joined = blocks[target.block].lines[target.line]
                    joined.text = line.text + " " + joined.text
                    joined.xMin = line.xMin
                    joined.wordStarts.insert(contentsOf: line.wordStarts, at: 0)
                    joined.wordEnds.insert(contentsOf: line.wordEnds, at: 0)
                    blocks[target.block].lines[target.line] = joined
                    removed.insert(own)
                } else if line.wordCount == 1, isContentsTarget(line.text),
                          let target = partner(of: line, except: own, toTheRight: false, maxGap: max(300, pageWidth * 0.75)) {
                    var joined = blocks[target.block].lines[target.line]
                    joined.text += " " + line.text
                    joined.xMax = line.xMax
                    joined.wordStarts.append(contentsOf: line.wordStarts)
                    joined.wordEnds.append(contentsOf: line.wordEnds)
                    blocks[target.block].lines[target.line] = joined
                    removed.insert(own)
                }
            }
        }
        guard !removed.isEmpty else { return blocks }
        for b in blocks.indices {
            blocks[b].lines = blocks[b].lines.enumerated().filter { !removed.contains(Position(block: b, line: $0.offset)) }.map(\.element)
        }
        return blocks.filter { !$0.lines.isEmpty }
    }

    /// Blocks in reading order: top to bottom, and where the page has two columns, the left
    /// column before the right one between blocks that span both. (Poppler's own flow order
    /// sometimes jumps between columns.)
    static func readingOrder(_ blocks: [Block], pageWidth: Double) -> [Block] {
        let middle = pageWidth / 2
        func top(_ b: Block) -> Double { b.lines.map(\.yMin).min() ?? 0 }
        func left(_ b: Block) -> Double { b.lines.map(\.xMin).min() ?? 0 }
        func right(_ b: Block) -> Double { b.lines.map(\.xMax).max() ?? 0 }
        let sorted = blocks.sorted { top($0) < top($1) }
        var out: [Block] = []
        var band: [Block] = []
        func flush() {
            out += band.filter { left($0) < middle }.sorted { top($0) < top($1) }
            out += band.filter { left($0) >= middle }.sorted { top($0) < top($1) }
            band = []
        }
        for block in sorted {
            if left(block) < middle - 10 && right(block) > middle + 10 {
                flush()
                out.append(block)
            } else {
                band.append(block)
            }
        }
        flush()
        return out
    }

    // MARK: Page furniture

    /// Drops lines in the top and bottom margins that repeat across pages (running headers and
    /// footers, digits compared as '#') and page numbers there; returns the running lines, each once.
    @discardableResult
    static func dropFurniture(_ pages: inout [Page]) -> [String] {
        guard pages.count >= 2 else { return [] }
        var running: [String] = []
        var seen = Set<String>()
        func inMargin(_ line: Line, _ page: Page) -> Bool {
            line.yMax < page.height * 0.09 || line.yMin > page.height * 0.88
        }
        var pagesWithKey: [String: Set<Int>] = [:]
        for (p, page) in pages.enumerated() {
            for block in page.blocks {
                for line in block.lines where inMargin(line, page) {
                    pagesWithKey[PageFurniture.key(line.text), default: []].insert(p)
                }
            }
        }
        let threshold = max(2, pages.count / 3)
        for p in pages.indices {
            let page = pages[p]
            for b in page.blocks.indices {
                pages[p].blocks[b].lines.removeAll { line in
                    guard inMargin(line, page) else { return false }
                    if PageFurniture.isPageNumber(line.text) { return true }
                    let key = PageFurniture.key(line.text)
                    guard (pagesWithKey[key]?.count ?? 0) >= threshold else { return false }
                    if seen.insert(key).inserted { running.append(line.text) }
                    return true
                }
            }
            pages[p].blocks.removeAll { $0.lines.isEmpty }
        }
        return running
    }

    // MARK: Tables of contents

    /// A table-of-contents entry: ends in a page number (or a link arrow) set apart by a wide gap or dot leaders.
    static func isContentsEntry(_ line: Line) -> Bool {
        guard line.wordCount >= 2, let last = line.text.split(separator: " ").last,
              isContentsTarget(String(last)) else { return false }
        let n = line.wordCount
        let gap = line.wordStarts[n - 1] - line.wordEnds[n - 2]
        let previous = line.text.split(separator: " ").dropLast().last ?? ""
        return gap > 18 || previous.hasSuffix("...") || previous.hasSuffix("…")
    }

    static let contentsTitles: Set<String> = ["inhoud", "inhoudsopgave", "inhoudstafel", "contents", "table of contents", "index"]

    /// Drops runs of table-of-contents entries (at least three, most lines of the run) with the
    /// headings between them and the "Inhoudsopgave" title before them.
    static func dropTableOfContents(_ blocks: [Block]) -> [Block] {
        var flat: [(block: Int, line: Int, entry: Bool)] = []
        for (b, block) in blocks.enumerated() {
            for (l, line) in block.lines.enumerated() { flat.append((b, l, isContentsEntry(line))) }
        }
        guard flat.filter(\.entry).count >= 3 else { return blocks }
        var drop = Set<Int>()
        var i = 0
        while i < flat.count {
            guard flat[i].entry else { i += 1; continue }
            // Extend the run while entries keep coming, allowing up to three short lines between them.
            var end = i, gapLines = 0, entries = 1
            var j = i + 1
            while j < flat.count {
                if flat[j].entry { end = j; entries += 1; gapLines = 0 }
                else {
                    let text = blocks[flat[j].block].lines[flat[j].line].text
                    gapLines += 1
                    if gapLines > 3 || !text.hasAtMostCharacters(80) { break }
                }
                j += 1
            }
            if entries >= 3 {
                for k in i...end { drop.insert(k) }
                // The title and lines that head the run ("Inhoudsopgave", "A. Algemeen  Pagina").
                var k = i - 1
                while k >= 0, i - k <= 3 {
                    let text = blocks[flat[k].block].lines[flat[k].line].text
                    let lower = text.lowercased()
                    if contentsTitles.contains(lower.trimmingCharacters(in: .punctuationCharacters)) || lower.hasSuffix(" pagina") || lower.hasSuffix(" page") {
                        for m in k..<i { drop.insert(m) }
                    }
                    k -= 1
                }
            }
            i = end + 1
        }
        guard !drop.isEmpty else { return blocks }
        var out = blocks
        for (index, position) in flat.enumerated().reversed() where drop.contains(index) {
            out[position.block].lines.remove(at: position.line)
        }
        return out.filter { !$0.lines.isEmpty }
    }

    // MARK: Headings by font size

    /// Where a document sets its numbered article headings, when they stand out from the body by
    /// size: the line height and left edge of lines such as "3 Wat is verzekerd?" or "Artikel 3
    /// Betaling", each used at least twice.
    struct HeadingStyle: Hashable {
        /// Line height in half points.
        var height: Int
        /// Left edge in points, rounded.
        var left: Int
    }

    static func numberedHeadingStyles(_ pages: [Page], bodyHeight: Double) -> Set<HeadingStyle> {
        var counts: [HeadingStyle: Int] = [:]
        for page in pages {
            for block in page.blocks {
                for line in block.lines where line.height >= bodyHeight + 1 && line.text.hasAtMostCharacters(120) {
                    let isHeading: Bool
                    switch LineClassifier.classify(line.text) {
                    case .numbered(_, let rest): isHeading = LineClassifier.splitHeading(rest) == (rest, nil)
                    case .keywordArticle(_, let heading, let rest): isHeading = heading != nil && rest == nil
                    default: isHeading = false
                    }
                    if isHeading { counts[HeadingStyle(height: Int((line.height * 2).rounded()), left: Int(line.xMin.rounded())), default: 0] += 1 }
                }
            }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    /// A one-line block without a number, set in the size and at the left edge of the numbered
    /// article headings ("Begrippenlijst" where "8 Bijzondere situaties" stood): an unnumbered
    /// chapter. The same size indented to the headings' text is a heading inside an article, and stays text.
    static func isUnnumberedChapter(_ block: Block, styles: Set<HeadingStyle>) -> Bool {
        guard !styles.isEmpty, block.lines.count == 1, let line = block.lines.first else { return false }
        let height = Int((line.height * 2).rounded()), left = line.xMin
        guard styles.contains(where: { abs($0.height - height) <= 1 && abs(Double($0.left) - left) <= 2 }) else { return false }
        guard case .text(let text) = LineClassifier.classify(line.text) else { return false }
        return LineClassifier.isClauseHeading(text) && !text.contains(":")
    }

    /// The document's first block is its title when it is one short line that reads like a
    /// heading (not "Versie: 2.1", not a sentence) and a paragraph follows it: a title set in the
    /// body's size, only bold, still heads the text below it.
    static func isTitle(_ block: Block, before next: Block?) -> Bool {
        guard block.lines.count == 1, let text = block.lines.first?.text, let next,
              next.lines.count >= 2 || !next.text.hasAtMostCharacters(100) else { return false }
        guard case .text = LineClassifier.classify(text) else { return false }
        return LineClassifier.isClauseHeading(text) && !text.contains(":") && !text.contains(where: \.isNumber)
    }

    /// The body text's line height (the most common, weighted by characters) and the larger
    /// heights that headings use, largest first.
    static func headingLevels(_ pages: [Page]) -> (body: Double, levels: [Double]) {
        var weight: [Int: Int] = [:]
        for page in pages {
            for block in page.blocks {
                for line in block.lines { weight[Int((line.height * 2).rounded()), default: 0] += line.text.count }
            }
        }
        guard let body = weight.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
            return (0, [])
        }
        let bodyHeight = Double(body) / 2
        // Heights used by few characters but clearly larger than the body: heading sizes.
        let larger = weight.keys.map { Double($0) / 2 }.filter { $0 >= bodyHeight * 1.15 + 0.5 }.sorted(by: >)
        return (bodyHeight, Array(larger.prefix(3)))
    }

    /// The heading level of a block set in a larger size than the body, if it is short and reads
    /// like a heading.
    static func headingLevel(of block: Block, levels: (body: Double, levels: [Double])) -> Int? {
        guard !levels.levels.isEmpty, block.lines.count <= 3 else { return nil }
        let text = block.text
        guard text.hasAtMostCharacters(120), let first = text.unicodeScalars.first,
              first.properties.isUppercase || first.properties.numericType != nil else { return nil }
        if let last = text.last, ".;,:".contains(last) { return nil }
        let height = block.lines.map(\.height).min() ?? 0
        guard height >= levels.body * 1.15 + 0.5 else { return nil }
        let rank = levels.levels.firstIndex { height >= $0 - 0.25 } ?? levels.levels.count - 1
        return min(rank + 2, 4)  // level 1 is the document title's
    }
}

/// A cursor over poppler's `-bbox-layout` bytes: tag names, the current tag's attributes, text.
private struct LayoutScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    /// The current tag's attribute text.
    private var attributes: Range<Int> = 0..<0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next tag's name ("/line" for a closing tag); nil at the end.
    mutating func nextTag() -> Substring? {
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        guard i < bytes.count else { return nil }
        let nameStart = i + 1
        var j = nameStart
        while j < bytes.count, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: " "), bytes[j] != 0x0A {
            j += 1
        }
        var end = j
        while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
        attributes = j..<end
        i = min(end + 1, bytes.count)
        var name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self)[...]
        if name.hasSuffix("/") { name = name.dropLast() }
        return name
    }

    /// The value of `key` in the current tag, raw.
    func attribute(_ key: String) -> String? {
        let pattern = Array((" " + key + "=\"").utf8)
        var k = attributes.lowerBound
        let last = attributes.upperBound - pattern.count
        while k <= last {
            if bytes[k] == pattern[0], (0..<pattern.count).allSatisfy({ bytes[k + $0] == pattern[$0] }) {
                let start = k + pattern.count
                var end = start
                while end < attributes.upperBound, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            k += 1
        }
        return nil
    }

    /// A coordinate of the current tag; 0 when absent or not a plain number of points (NaN,
    /// 1e300), so arithmetic on it stays safe.
    func number(_ key: String) -> Double {
        guard let v = attribute(key).flatMap(Double.init), v.isFinite, abs(v) < 1e6 else { return 0 }
        return v
    }

    /// The text up to the next tag.
    mutating func textToNextTag() -> String {
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }
}
