import Foundation

/// Repairs decoded text: characters, page furniture, hyphenation, lines broken mid-sentence.
public struct TextRepairer: Sendable {
    /// Extra known words (lower-cased), e.g. the corpus vocabulary, used to decide hyphenation.
    public var vocabulary: Set<String>

    /// A repairer that decides hyphenation from each document's own words only.
    public init() {
        self.vocabulary = []
    }

    /// A repairer that also trusts `vocabulary` (any case; compared lower-cased).
    public init(vocabulary: Set<String>) {
        self.vocabulary = Set(vocabulary.map { $0.lowercased() })
    }

    /// Repairs `text`; paragraphs come back separated by a blank line, units within them by "\n".
    public func repair(_ text: String) -> (text: String, repairs: [Repair]) {
        var log = RepairLog()
        let blocks = repairPlainText(text, log: &log)
        return (blocks.map(\.text).joined(separator: "\n\n"), log.repairs)
    }

    /// Plain text (and pdftotext output) to paragraph blocks.
    func repairPlainText(_ text: String, log: inout RepairLog) -> [TextBlock] {
        var text = CharacterRepair.normaliseLineEndings(text, log: &log)
        // Line feeds and form feeds are single UTF-8 bytes: split the bytes, count the pages.
        var lines: [RawLine] = []
        var page = 0
        text.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() where b == 0x0A || b == 0x0C {
                lines.append(RawLine(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self), page: page))
                if b == 0x0C { page += 1 }
                start = i + 1
            }
            lines.append(RawLine(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self), page: page))
        }
        return repair(blocks: [RawBlock(kind: .paragraph, lines: lines)], log: &log)
    }

    /// The whole pipeline over blocks a reader produced.
    func repair(blocks input: [RawBlock], log: inout RepairLog) -> [TextBlock] {
        // 1. Characters and whitespace, line by line.
        var blocks = input
        for b in blocks.indices {
            for l in blocks[b].lines.indices {
                let fixed = CharacterRepair.apply(blocks[b].lines[l].text, log: &log)
                blocks[b].lines[l].text = TextRepairer.tidyWhitespace(fixed, log: &log)
            }
        }
        // 2. Page furniture over the whole document (it repeats across blocks and pages).
        var flat: [RawLine] = []
        var owner: [(Int, Int)] = []
        for (b, block) in blocks.enumerated() {
            for (l, line) in block.lines.enumerated() {
                flat.append(line)
                owner.append((b, l))
            }
        }
        let drop = PageFurniture.furniture(in: flat, log: &log)
        if !drop.isEmpty {
            var keep = blocks.map { Array(repeating: true, count: $0.lines.count) }
            for i in drop { keep[owner[i].0][owner[i].1] = false }
            for b in blocks.indices {
                blocks[b].lines = zip(blocks[b].lines, keep[b]).filter { $0.1 }.map { $0.0 }
            }
        }
        // 3. Ligature glyphs and hyphenation inside lines, against the document's vocabulary.
        let hyphenation = Hyphenation(lines: blocks.flatMap { $0.lines.map(\.text) }, vocabulary: vocabulary)
        let vocabulary = self.vocabulary
        // The system word list is read only for a document that has a damaged-looking word.
        var glyphs = GlyphRepair(documentWords: hyphenation.words) { vocabulary.contains($0) || SystemWordList.dutch?.contains($0) == true }
        for pass in 0..<2 {
            for b in blocks.indices {
                for l in blocks[b].lines.indices {
                    blocks[b].lines[l].text = glyphs.repair(blocks[b].lines[l].text, log: &log)
                }
            }
            // Damage inside words shows the font is broken: then word-initial capitals too.
            guard pass == 0, log.count(of: .glyph) >= 3 else { break }
            glyphs.initialCapitals = true
        }
        for b in blocks.indices {
            for l in blocks[b].lines.indices {
                blocks[b].lines[l].text = hyphenation.repairMidLine(blocks[b].lines[l].text, log: &log)
            }
        }
        // 4. Lines into paragraphs.
        let lengths = blocks.flatMap { $0.lines.filter { $0.breakBefore == .unknown && !$0.text.isEmpty }.map(\.text.count) }.sorted()
        let wrapWidth = lengths.isEmpty ? 0 : lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        var joiner = ParagraphJoiner(hyphenation: hyphenation, wrapWidth: wrapWidth)
        var out: [TextBlock] = []
        for block in blocks {
            out.append(contentsOf: joiner.join(block, log: &log))
        }
        return out
    }

    /// Tabs and runs of spaces become one space; the line is trimmed; doubled hyphens between
    /// letters (an ASCII hyphen next to a Unicode one) become one.
    static func tidyWhitespace(_ line: String, log: inout RepairLog) -> String {
        // Spaces and tabs are single UTF-8 bytes; every other byte is copied as it is.
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hyphen = UInt8(ascii: "-")
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        var collapsed = 0
        var runLength = 0
        var sawTab = false
        var doubleHyphen = false
        for b in line.utf8 {
            if b == space || b == tab {
                if !out.isEmpty { pendingSpace = true }
                runLength += 1
                if b == tab { sawTab = true }
                continue
            }
            if runLength > 1 || sawTab { collapsed += 1 }
            runLength = 0
            sawTab = false
            if pendingSpace { out.append(space); pendingSpace = false }
            if b == hyphen && out.last == hyphen { doubleHyphen = true }
            out.append(b)
        }
        log.note(.whitespace, "tabs and runs of spaces → one space", count: collapsed)
        var text = out.elementsEqual(line.utf8) ? line : String(decoding: out, as: UTF8.self)
        if doubleHyphen, text.contains("--") {
            let chars = Array(text)
            var result: [Character] = []
            result.reserveCapacity(chars.count)
            var i = 0
            while i < chars.count {
                if chars[i] == "-", let prev = result.last, prev.isLetter {
                    var j = i
                    while j < chars.count && chars[j] == "-" { j += 1 }
                    if j - i >= 2, j < chars.count, chars[j].isLetter {
                        log.note(.hyphenCharacter, "\(prev)\(String(repeating: "-", count: j - i))\(chars[j]) → \(prev)-\(chars[j])")
                        result.append("-")
                        i = j
                        continue
                    }
                }
                result.append(chars[i])
                i += 1
            }
            text = String(result)
        }
        return text
    }
}

/// Joins lines broken mid-sentence and splits blocks where a new unit starts.
struct ParagraphJoiner {
    let hyphenation: Hyphenation
    let wrapWidth: Int

    static let continuationWords: Set<String> = [
        "en", "of", "de", "het", "een", "van", "in", "op", "te", "met", "voor", "door", "aan", "bij",
        "die", "dat", "tot", "om", "naar", "als", "over", "uit", "zijn", "is", "wordt", "worden", "niet",
        "and", "or", "the", "a", "an", "of", "to", "in", "on", "for", "by", "with", "that", "which", "is",
        "are", "be", "not", "at", "from",
    ]

    mutating func join(_ block: RawBlock, log: inout RepairLog) -> [TextBlock] {
        if case .heading = block.kind {
            let text = block.lines.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            return text.isEmpty ? [] : [TextBlock(kind: block.kind, text: text, page: block.lines.first.map { $0.page + 1 })]
        }
        var result: [TextBlock] = []
        // Output lines of the block being built, each as segments (joined once, at the end, so
        // a paragraph of many short lines costs linear time).
        var lines: [[String]] = []
        var kind = block.kind
        var page: Int?
        func flush() {
            let text = lines.map { $0.joined() }.joined(separator: "\n")
            if !text.isEmpty { result.append(TextBlock(kind: kind, text: text, page: page.map { $0 + 1 })) }
            lines = []
            page = nil
            if case .listItem = kind { kind = .paragraph }
        }
        var previousHeading = false
        for line in block.lines {
            let t = line.text
            if t.isEmpty {
                if line.breakBefore != .hard { flush() }
                continue
            }
            if lines.isEmpty { page = line.page }
            // Copy out what we need: holding `lines.last` would make every append copy the line.
            let segmentCount = lines.last?.count ?? 0
            guard let prev = lines.last?.last else {
                lines.append([t])
                previousHeading = line.breakBefore == .unknown && UnitStart.isHeadingLine(t)
                continue
            }
            if UnitStart.isUnitStart(t) || previousHeading {
                if line.breakBefore == .hard && !previousHeading {
                    lines.append([t])
                } else {
                    flush()
                    page = line.page
                    lines.append([t])
                }
                previousHeading = line.breakBefore == .unknown && UnitStart.isHeadingLine(t)
                continue
            }
            previousHeading = false
            // A clause number alone on its line ("2." then "Aanbiedingen"): the text belongs to it.
            if line.breakBefore != .hard, segmentCount == 1, prev.count <= 8, !prev.contains(" "), UnitStart.isUnitStart(prev) {
                lines[lines.count - 1].append(" " + t)
                if line.breakBefore == .unknown { log.note(.paragraphJoin, "\(prev)⏎\(t.prefix(20))") }
                continue
            }
            switch line.breakBefore {
            case .hard:
                lines.append([t])
            case .soft:
                glue(&lines[lines.count - 1], t, log: &log, counted: false)
            case .unknown:
                if shouldJoin(prev, t) {
                    glue(&lines[lines.count - 1], t, log: &log, counted: true)
                } else {
                    lines.append([t])
                }
            }
        }
        flush()
        return result
    }

    /// Puts `next` after the last segment of a line, resolving a hyphen at the end of it.
    func glue(_ segments: inout [String], _ next: String, log: inout RepairLog, counted: Bool) {
        let prev = segments[segments.count - 1]
        if prev.hasSuffix("-"), let firstNext = next.first, firstNext.isLetter {
            let body = prev.dropLast()
            let first = body.reversed().prefix { $0.isLetter }
            let firstWord = Substring(String(first.reversed()))
            let secondWord = next.prefix { $0.isLetter }
            if !firstWord.isEmpty {
                switch hyphenation.decideLineEnd(first: firstWord, second: secondWord) {
                case .join:
                    log.note(.hyphenation, "\(firstWord)-⏎\(secondWord) → \(firstWord)\(secondWord)")
                    if counted { log.note(.paragraphJoin, "\(firstWord)-⏎\(secondWord)") }
                    segments[segments.count - 1] = String(body)
                    segments.append(next)
                    return
                case .keepHyphen:
                    if counted { log.note(.paragraphJoin, "\(firstWord)-⏎\(secondWord)") }
                    segments.append(next)
                    return
                case .keepHyphenAndSpace:
                    break
                }
            }
        }
        if counted {
            log.note(.paragraphJoin, "…\(prev.suffix(20))⏎\(next.prefix(20))…")
        }
        segments.append(" " + next)
    }

    func shouldJoin(_ prev: String, _ next: String) -> Bool {
        guard let last = prev.last, let first = next.first else { return false }
        if prev.hasSuffix("-") && first.isLetter { return true }
        // Look through closing quotes and brackets for the real last punctuation.
        let core = prev.reversed().drop { "\"'’”)]»".contains($0) }.first ?? last
        if ":;!?".contains(core) { return false }
        if core == "." {
            // After an abbreviation ("e.d.", "o.a.") the sentence may go on in lower case.
            return first.isLowercase
        }
        if first.isLowercase { return true }
        if last == "," { return true }
        if let lastWord = prev.split(separator: " ").last, ParagraphJoiner.continuationWords.contains(lastWord.lowercased()) {
            return true
        }
        if wrapWidth >= 40 && prev.count * 4 >= wrapWidth * 3 && (first.isLetter || first.isNumber || "(\"'‘“".contains(first)) {
            return true
        }
        return false
    }
}
