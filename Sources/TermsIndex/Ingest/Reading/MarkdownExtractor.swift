import Foundation

/// Markdown to blocks: ATX and setext headings, list items, paragraphs; inline markup stripped.
struct MarkdownExtractor {
    /// The front matter of a page for a static site generator (Jekyll, Hugo, Lume): `---`, lines of
    /// `key: value`, `---` (or `...`) at the very start. It configures the page; it is not its text.
    /// Returns its lines and the index of the first line after it (0 when there is none).
    static func frontMatter(_ lines: [Substring]) -> (lines: [String], end: Int) {
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return ([], 0) }
        for i in 1..<min(lines.count, 200) {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            if line == "---" || line == "..." { return (lines[1..<i].map(String.init), i + 1) }
        }
        return ([], 0)
    }

    /// The value of `key:` in front-matter lines, without quotes.
    static func frontMatterValue(_ key: String, in lines: [String]) -> String? {
        for line in lines where line.hasPrefix(key + ":") {
            let value = line.dropFirst(key.count + 1).trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// A bold phrase that opens a paragraph and heads it, with the paragraph's text after it:
    /// "**Aansprakelijkheid** De leverancier is …" → ("Aansprakelijkheid", "De leverancier is …").
    /// Not a defined term ("**Opdrachtnemer**: de partij …"), a number ("**2.6** ‐ …") or bold
    /// words inside a sentence.
    func runInHeading(_ body: String) -> (heading: String, rest: String)? {
        guard body.hasPrefix("**") || body.hasPrefix("__") else { return nil }
        let marker = String(body.prefix(2))
        let afterOpen = body.dropFirst(2)
        guard let close = afterOpen.range(of: marker) else { return nil }
        let heading = inline(String(afterOpen[..<close.lowerBound])).trimmingWhitespace()
        let rest = String(afterOpen[close.upperBound...]).trimmingWhitespace()
        guard let first = rest.first, first.isUppercase, heading.wordCount(max: 6) <= 6,
              case .text = LineClassifier.classify(heading), LineClassifier.isClauseHeading(heading),
              !heading.contains(":") else { return nil }
        return (heading, rest)
    }

    func extract(_ text: String) -> [RawBlock] {
        var blocks: [RawBlock] = []
        var current: RawBlock?
        var inFence = false
        var hardNext = false
        func flush() {
            if let b = current, !b.lines.isEmpty { blocks.append(b) }
            current = nil
        }
        var lists = ListNesting()
        let lines = text.splitLines(omittingEmptySubsequences: false)
        var index = MarkdownExtractor.frontMatter(lines).end
        while index < lines.count {
            let rawLine = String(lines[index])
            index += 1
            let trimmed = rawLine.trimmingWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence {
                if current == nil { current = RawBlock(kind: .paragraph, lines: []) }
                current!.lines.append(RawLine(rawLine, breakBefore: .hard))
                continue
            }
            if trimmed.isEmpty { flush(); continue }
            // Setext underline of the paragraph line above.
            if let c = current, c.kind == .paragraph, c.lines.count == 1,
               trimmed.allSatisfy({ $0 == "=" }) || (trimmed.count >= 2 && trimmed.allSatisfy({ $0 == "-" })) {
                let level = trimmed.first == "=" ? 1 : 2
                current = RawBlock(kind: .heading(level: level), lines: c.lines)
                flush()
                continue
            }
            if "-*_".contains(trimmed.first!), trimmed.count >= 3, Set(trimmed.filter { $0 != " " }).count == 1 {
                flush()  // horizontal rule
                continue
            }
            var hashes = 0
            for c in trimmed { if c == "#" { hashes += 1 } else { break } }
            if (1...6).contains(hashes), trimmed.count == hashes || trimmed.dropFirst(hashes).first == " " {
                flush()
                var heading = String(trimmed.dropFirst(hashes)).trimmingWhitespace()
                while heading.hasSuffix("#") { heading.removeLast() }
                blocks.append(RawBlock(kind: .heading(level: hashes), lines: [RawLine(inline(heading))]))
                lists = ListNesting()
                continue
            }
            var body = trimmed
            while body.hasPrefix(">") { body = String(body.dropFirst()).trimmingWhitespace() }
            if let item = listItem(body) {
                flush()
                let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
                current = RawBlock(kind: .listItem, lines: [RawLine(inline(lists.label(item, indent: indent, ordered: body.first?.isNumber == true)))])
                hardNext = false
                continue
            }
            if rawLine.first.map({ $0 != " " && $0 != "\t" }) == true { lists = ListNesting() }
            let hard = rawLine.hasSuffix("  ") || body.hasSuffix("\\")
            if body.hasSuffix("\\") { body.removeLast() }
            if current == nil, let (heading, rest) = runInHeading(body) {
                blocks.append(RawBlock(kind: .heading(level: 6), lines: [RawLine(heading)]))
                current = RawBlock(kind: .paragraph, lines: [RawLine(inline(rest))])
            } else if current == nil {
                current = RawBlock(kind: .paragraph, lines: [RawLine(inline(body))])
            } else {
                current!.lines.append(RawLine(inline(body), breakBefore: hardNext ? .hard : .soft))
            }
            hardNext = hard
        }
        flush()
        return blocks
    }

    /// Nested ordered lists numbered as a lawyer cites them: the second item of a list inside item 3
    /// is "3.2" (the segmenter puts the article in front: 4.3.2). Items under a bullet keep their own number.
    struct ListNesting {
        /// Open lists, outermost first: indentation and the last number (nil for bullets).
        private var open: [(indent: Int, number: Int?)] = []

        /// `item` (a list line's text, numbering kept) with its nesting path as its number.
        mutating func label(_ item: String, indent: Int, ordered: Bool) -> String {
            while let last = open.last, last.indent > indent { open.removeLast() }
            let digits = item.prefix { $0.isNumber }
            let number = ordered ? Int(digits) : nil
            if let last = open.last, last.indent == indent {
                open[open.count - 1].number = number
            } else {
                open.append((indent, number))
            }
            guard open.count > 1, let number, open.allSatisfy({ $0.number != nil }) else { return item }
            let path = open.dropLast().map { String($0.number!) } + [String(number)]
            let text = item.dropFirst(digits.count + 1).drop { $0 == " " }
            return path.joined(separator: ".") + " " + text
        }
    }

    /// The item text of a list line: bullets dropped, numbering kept ("1. Foo" stays "1. Foo").
    func listItem(_ line: String) -> String? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return String(line.dropFirst(2)).trimmingWhitespace()
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
                return line
            }
        }
        return nil
    }

    /// Whether `byte` can open inline markup: a backslash, `!`, `*`, a backtick, `_`, `[` or `<`.
    private static func isInlineMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "<"):
            true
        default: false
        }
    }

    /// Inline markup: emphasis markers, code spans, links and images reduced to their text.
    func inline(_ text: String) -> String {
        // Most lines have no markup: no character below can match unless its byte is there.
        guard text.utf8.contains(where: Self.isInlineMarkup) else { return Entities.decode(text) }
        let chars = Array(text)
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "\\`*_{}[]()#+-.!<>".contains(chars[i + 1]) {
                out.append(chars[i + 1]); i += 2; continue
            }
            if c == "!" && i + 1 < chars.count && chars[i + 1] == "[" { i += 1; continue }
            if c == "[" {
                // [text](url) → text; keep the bracket when it is not a link.
                if let close = chars[(i + 1)...].prefix(500).firstIndex(of: "]"),
                   close + 1 < chars.count, chars[close + 1] == "(",
                   let paren = chars[(close + 2)...].prefix(1000).firstIndex(of: ")") {
                    out.append(contentsOf: chars[(i + 1)..<close])
                    i = paren + 1
                    continue
                }
            }
            if c == "*" || c == "`" { i += 1; continue }
            if c == "_" {
                let prevLetter = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                let nextLetter = i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)
                if !(prevLetter && nextLetter) { i += 1; continue }
            }
            if c == "<" {
                // Inline HTML tags (<br>, <u>) dropped.
                if let close = chars[i...].prefix(200).firstIndex(of: ">"), i + 1 < chars.count,
                   chars[i + 1].isLetter || chars[i + 1] == "/" {
                    i = close + 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return Entities.decode(String(out))
    }
}
