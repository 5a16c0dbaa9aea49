import Foundation

/// A clause as the segmenter cuts it, before language and topics are known.
public struct SegmentedClause: Sendable, Equatable {
    /// Unique, stable key within the document ("14.1", "bijlage-1/1.1", "preamble").
    public var key: String
    /// Where the clause sits.
    public var location: ClauseLocation
    /// The clause's lines.
    public var lines: [String]

    /// The clause as plain text.
    public var text: String { lines.joined(separator: "\n") }
}

/// Cuts the text of a set of terms into its parts, articles and clauses.
///
/// Recognises keyword articles (`Artikel 1 Toepasselijkheid`, `ARTIKEL 2. TOEGANG`, `14 ARTIKEL 14.`,
/// `Article 10a. Information`, `Artikel A.1. Offerte`), numbered articles (`1. Toepasselijkheid`,
/// `25 Materialen`), modules (`Module A. Algemeen`), annexes whose articles restart at 1
/// (`Bijlage 1: ...`), all-caps section headings, Markdown and HTML headings, and clause numbers
/// (`1.1`, `A.8.3`, `3.10`, or `1.` inside an article), and lettered clauses (`2.b`) in articles that
/// open with `a.`. Other lettered and bulleted lists stay inside their clause.
public struct ClauseSegmenter: Sendable {
    public init() {}

    /// Segments a document's blocks into clauses in document order.
    public func segment(_ blocks: [TextBlock]) -> [SegmentedClause] {
        let lines = classifiedLines(blocks)
        var builder = Builder()
        for (index, line) in lines.enumerated() {
            builder.consume(line, at: index, in: lines)
        }
        builder.flushClause()
        return builder.clauses
    }

    /// One line with its classification; headings from Markdown/HTML are marked.
    struct Line {
        var kind: LineKind
        var headingLevel: Int?
        /// The line as written, without leading bullets; what a demoted header becomes.
        var text: String
        /// The first line of a block that has more lines after it.
        var leadsBlock = false
        /// The page the line is on, for formats with pages.
        var page: Int?
        /// The line is a list item of the source's markup (Markdown, HTML, Word lists).
        var isListItem = false
        /// A bare number that the document's keyword headers use ("1. Verzekeringnemer" where
        /// "Artikel 1" exists): a clause of the current article at most, never an article.
        var numberOfKeywordArticle = false
        /// A heading found from the line itself in terms without numbered structure: a short line
        /// that leads its paragraph.
        var isRunInHeading = false
    }

    private func classifiedLines(_ blocks: [TextBlock]) -> [Line] {
        var lines: [Line] = []
        for block in blocks {
            let blockLines = block.text.splitLines(omittingEmptySubsequences: true)
            for (position, raw) in blockLines.enumerated() {
                let text = LineClassifier.stripLeader(String(raw))
                let kind = LineClassifier.classify(stripped: text)
                if case .text(let t) = kind, t.isEmpty { continue }
                var level: Int?
                if case .heading(let l) = block.kind { level = l }
                var isListItem = false
                if case .listItem = block.kind { isListItem = position == 0 }
                lines.append(Line(kind: kind, headingLevel: level, text: text,
                                  leadsBlock: position == 0 && blockLines.count > 1, page: block.page, isListItem: isListItem))
            }
        }
        return resolve(lines)
    }

    /// Second pass over the whole document: decisions that need to see other lines.
    private func resolve(_ input: [Line]) -> [Line] {
        var lines = input
        // Numbers that keyword headers use; a bare "1 DEFINITIES" must not steal "Artikel 1".
        var keywordNumbers = Set<String>()
        for line in lines {
            if case .keywordArticle(let label, _, _) = line.kind { keywordNumbers.insert(label) }
        }
        // A part header counts only when an article follows before the next part of its level or
        // higher (a table of contents of modules is text).
        for i in lines.indices {
            guard case .part(let kind, _, _, let rest) = lines[i].kind, kind != .annex || rest == nil else { continue }
            var j = i + 1
            var confirmed = false
            scan: while j < lines.count {
                switch lines[j].kind {
                case .keywordArticle: confirmed = true; break scan
                case .numbered(_, let rest) where LineClassifier.splitHeading(rest).heading != nil:
                    confirmed = kind != .module; break scan
                case .part(let other, _, _, _) where other.level <= kind.level: break scan
                case .part: if kind == .document { confirmed = true; break scan }
                default: break
                }
                j += 1
            }
            if kind == .document { confirmed = confirmed && i > 0 && hasArticle(before: i, in: lines) }
            if !confirmed { lines[i].kind = .text(lines[i].text) }
        }
        // Terms without any numbered structure (web pages with bold run-in headings): a short
        // heading-like line that leads a paragraph is a section heading. The document's title, a
        // heading on its first line, is no structure of the text below it.
        let hasStructure = lines.indices.contains { i in
            switch lines[i].kind {
            case .keywordArticle, .dottedClause: return true
            default: return lines[i].headingLevel != nil && i > 0
            }
        }
        if !hasStructure {
            for i in lines.indices where lines[i].leadsBlock {
                if case .text(let t) = lines[i].kind, LineClassifier.isClauseHeading(t), t.count <= 60 {
                    lines[i].headingLevel = 4
                    lines[i].isRunInHeading = true
                }
            }
        }
        // Bare numbers that a keyword header uses are not articles.
        if !keywordNumbers.isEmpty {
            for i in lines.indices {
                if case .numbered(let n, let rest) = lines[i].kind, keywordNumbers.contains(String(n)),
                   lines[i].headingLevel == nil, !lines[i].isListItem, LineClassifier.splitHeading(rest) == (rest, nil) {
                    lines[i].numberOfKeywordArticle = true
                }
            }
        }
        return lines
    }

    /// The label of the next clause number after `index` if a dotted one comes before any other
    /// number or header (within 200 lines).
    static func nextDottedClause(after index: Int, in lines: [Line]) -> String? {
        for line in lines[(index + 1)..<min(lines.count, index + 200)] {
            switch line.kind {
            case .dottedClause(let label, _): return label
            case .numbered, .keywordArticle, .part: return nil
            case .text: continue
            }
        }
        return nil
    }

    private func hasArticle(before index: Int, in lines: [Line]) -> Bool {
        lines[..<index].contains { if case .keywordArticle = $0.kind { return true }; if case .numbered = $0.kind { return true }; return false }
    }

    /// Walks the classified lines and emits clauses.
    private struct Builder {
        var clauses: [SegmentedClause] = []
        var usedKeys = Set<String>()
        var duplicateCounts: [String: Int] = [:]

        var part: (label: String, keyPrefix: String?)?
        var article: (label: String?, heading: String?, hasDottedClauses: Bool, lastClauseNumber: Int?)?
        var clause: (label: String, heading: String?, lines: [String], pages: [Int?])?
        /// The page of the line being consumed.
        var page: Int?
        var lastArticleNumber: Int?
        var sublistLast: Int?
        /// The letter of the article's last lettered clause (`b` after `2.b`).
        var articleLetter: Character?
        /// The articles are numbered paragraphs without headings.
        var paragraphArticles = false
        /// What follows the number of the articles numbered so far ("." in "3.", ")" in "3)", " "
        /// in "3 Titel"), and how many articles had it.
        var articleNumberStyle: (mark: Character, count: Int)?

        mutating func noteArticleNumberStyle(_ mark: Character) {
            if let style = articleNumberStyle, style.mark == mark {
                articleNumberStyle?.count += 1
            } else if articleNumberStyle == nil {
                articleNumberStyle = (mark, 1)
            }
        }

        mutating func consume(_ line: Line, at index: Int, in lines: [Line]) {
            page = line.page
            switch line.kind {
            case .part(let kind, let label, let heading, let rest):
                startPart(kind: kind, label: label, heading: heading)
                if let rest { startClause(label: "preamble", heading: heading); append(rest) }
            case .keywordArticle(var label, let heading, let rest):
                if label.hasSuffix("th"), let prev = article?.label, prev.hasSuffix("d"),
                   prev.dropLast() == label.dropLast(2) {
                    label = String(label.dropLast(2)) + "e"  // "Article 10th" after "10d" is a translated "10e"
                }
                startArticle(label: label, heading: heading)
                if let rest { append(rest) }
            case .numbered(let number, let rest):
                consumeNumbered(number, rest, line: line, next: nextKind(after: index, in: lines),
                                opensClauses: { ClauseSegmenter.nextDottedClause(after: index, in: lines)?.hasPrefix("\(number).") == true })
            case .dottedClause(let label, let rest):
                if line.isListItem, consumeNestedItem(label, rest) { return }
                consumeDotted(label, rest, next: nextKind(after: index, in: lines))
            case .text(let text):
                // A heading before any clause or article heads the preamble (a reader sees the
                // text under it); a later heading, or one after preamble text, starts a section.
                // A run-in heading right under the document's title is the first section's, not a
                // second name for the preamble.
                let underTitle = index == 1 && line.isRunInHeading && lines[0].headingLevel != nil && clause?.heading != nil
                if line.headingLevel != nil, !underTitle, clauses.isEmpty, article == nil, clause.map({ $0.lines.isEmpty }) ?? true {
                    startClause(label: "preamble", heading: text)
                } else if line.headingLevel != nil, !clauses.isEmpty || article != nil || clause != nil {
                    startHeadingSection(text)
                } else if let item = LineClassifier.letteredItem(text), consumeLettered(item.letter, item.rest) {
                    return
                } else {
                    append(text)
                }
            }
        }

        func nextKind(after index: Int, in lines: [Line]) -> LineKind? {
            index + 1 < lines.count ? lines[index + 1].kind : nil
        }

        /// `opensClauses`: whether the next clause number in the text is one of this number's ("25.1" after "25 Materialen").
        mutating func consumeNumbered(_ number: Int, _ rest: String, line: Line, next: LineKind?, opensClauses: () -> Bool) {
            // Items of a numbered list that a clause introduces ("... geldt niet voor informatie:")
            // are text of that clause until the clause numbering resumes.
            if let last = sublistLast, number == last + 1 {
                sublistLast = number
                append("\(number). \(rest)")
                return
            }
            sublistLast = nil
            // Not in the preamble: "… de volgende voorwaarden:" introduces the articles themselves.
            // A list item of the markup is the clause level itself ("… the following meanings:" + items).
            if number == 1, article != nil, !line.isListItem, clause?.lines.last?.hasSuffix(":") == true {
                sublistLast = 1
                append("\(number). \(rest)")
                return
            }
            // "1. Verzekeringnemer" in a document of "Artikel N" headers: a headed clause of the
            // article it stands in ("Artikel 1. Begrippen" lists its terms so), else text.
            if line.numberOfKeywordArticle {
                guard let art = article, let label = art.label, !art.hasDottedClauses else {
                    append(line.text)
                    return
                }
                article?.lastClauseNumber = number
                if LineClassifier.isClauseHeading(rest), case .text? = next {
                    startClause(label: "\(label).\(number)", heading: rest)
                } else {
                    startClause(label: "\(label).\(number)", heading: nil)
                    append(rest)
                }
                return
            }
            var split = LineClassifier.splitHeading(rest)
            if split.heading == nil, ClauseSegmenter.isLongHeading(rest, before: next) { split = (rest, nil) }
            let headingLike = split.heading != nil && (split.rest != nil || rest.count <= 120)
            // The first article may have any number; after that, bare numbers continue the sequence.
            // Under an unnumbered heading ("B. Toelichting op de dekking") numbering may restart at 1.
            let restarts = number == 1 && article != nil && article?.label == nil
            // Articles keep the style of their numbers: after "2 Wat is verzekerd?" and "3 Wat
            // niet?", a "4. Brand" is a row of a numbered table, not article 4, unless clauses of
            // its number follow ("25 Materialen" after "24. Levering", then "25.1").
            let mark = ClauseSegmenter.numberMark(line.text)
            let keepsStyle = line.headingLevel != nil || articleNumberStyle.map { $0.count < 2 || $0.mark == mark } ?? true
                || opensClauses()
            let continuesArticles = keepsStyle && (restarts || (lastArticleNumber.map { number == $0 + 1 } ?? true))
            let continuesClauses = article?.lastClauseNumber.map { number == $0 + 1 } ?? false
            let isArticle = line.headingLevel != nil
                || (headingLike && continuesArticles && !continuesClauses)
            if isArticle {
                startArticle(label: String(number), heading: split.heading ?? rest)
                noteArticleNumberStyle(mark)
                if let text = split.rest { append(text) }
                return
            }
            // Articles that are numbered paragraphs without headings ("1. De bandbreedte … 2. De
            // kwaliteit …"): the next number is the next article, not a clause of this one.
            let nextParagraphArticle = continuesArticles && (article == nil ? number == 1 : paragraphArticles)
            if let art = article, let label = art.label, !art.hasDottedClauses, !nextParagraphArticle {
                article?.lastClauseNumber = number
                startClause(label: "\(label).\(number)", heading: nil)
                append(rest)
                return
            }
            if nextParagraphArticle || (continuesArticles && article?.hasDottedClauses == true && rest.count > 120) {
                startArticle(label: String(number), heading: nil)
                noteArticleNumberStyle(mark)
                paragraphArticles = true
                append(rest)
                return
            }
            append("\(number). \(rest)")
        }

        /// An item of a list nested in a numbered clause, which the reader numbered by its path
        /// (`3.2` for the second item inside item 3: `MarkdownExtractor.ListNesting`), is a clause
        /// below that clause: `4.3.2` in article 4.
        mutating func consumeNestedItem(_ path: String, _ rest: String) -> Bool {
            guard let art = article, let label = art.label, !art.hasDottedClauses, let parent = art.lastClauseNumber,
                  path.hasPrefix("\(parent).") else { return false }
            startClause(label: "\(label).\(path)", heading: nil)
            append(rest)
            return true
        }

        /// A lettered item (`a.`, `b)`, `(c)`) is a clause (`2.b`) when the letters are the article's
        /// clause level: the article opens with `a.` and has no numbered clauses. Otherwise the
        /// letters are a list inside a clause and stay its text.
        mutating func consumeLettered(_ letter: Character, _ rest: String) -> Bool {
            guard let art = article, let label = art.label, !art.hasDottedClauses, art.lastClauseNumber == nil else { return false }
            if letter == "a" {
                guard articleLetter == nil, clause?.label == label, clause?.lines.isEmpty == true else { return false }
            } else {
                guard let last = articleLetter, let lastValue = last.asciiValue, letter.asciiValue == lastValue + 1 else {
                    return false
                }
            }
            articleLetter = letter
            sublistLast = nil
            startClause(label: "\(label).\(letter)", heading: nil)
            append(rest)
            return true
        }

        mutating func consumeDotted(_ givenLabel: String, _ rest: String, next: LineKind?) {
            sublistLast = nil
            var label = givenLabel
            var articleLabel = String(label[..<label.lastIndex(of: ".")!])
            if let current = article?.label, articleLabel != current {
                let currentNumber = Int(current), referenced = Int(articleLabel)
                if let c = currentNumber, let r = referenced, r < c {
                    // A clause number pointing back to an earlier article ("1.1" under article 11) is
                    // a typo in the source: it belongs to the article it stands in.
                    label = current + label[label.lastIndex(of: ".")!...]
                    articleLabel = current
                } else if let c = currentNumber, let r = referenced, r > c + 1 {
                    // A jump ahead ("15.16" in article 1) is a reference that starts a line, not a clause.
                    append("\(givenLabel) \(rest)")
                    return
                }
            }
            if article?.label != articleLabel {
                // A clause whose article header is missing ("5.1" where "5." is absent): imply the article.
                startArticle(label: articleLabel, heading: nil)
            }
            article?.hasDottedClauses = true
            var heading: String?
            var text: String? = rest.isEmpty ? nil : rest
            let split = LineClassifier.splitHeading(rest)
            if let h = split.heading, split.rest == nil, LineClassifier.isClauseHeading(h) {
                if case .text? = next { heading = h; text = nil }
            } else if let h = split.heading, let r = split.rest, h.split(separator: " ").count <= 6,
                      LineClassifier.isClauseHeading(h) {
                heading = h; text = r
            }
            startClause(label: label, heading: heading)
            if let text { append(text) }
        }

        mutating func startPart(kind: PartKind, label: String, heading: String?) {
            flushClause()
            let display = heading.map { "\(label): \($0)" } ?? label
            switch kind {
            case .module, .section: part = (display, nil)
            case .annex, .document: part = (display, slug(label))
            }
            article = nil
            lastArticleNumber = nil
        }

        mutating func startArticle(label: String, heading: String?) {
            flushClause()
            article = (label, heading, false, nil)
            articleLetter = nil
            if let n = Int(label) { lastArticleNumber = n }
            clause = (label, nil, [], [])
        }

        /// An unnumbered Markdown/HTML heading: a section of its own, keyed by its heading.
        mutating func startHeadingSection(_ heading: String) {
            flushClause()
            article = (nil, heading, false, nil)
            articleLetter = nil
            clause = (slug(heading), nil, [], [])
        }

        mutating func startClause(label: String, heading: String?) {
            flushClause()
            clause = (label, heading, [], [])
        }

        mutating func append(_ text: String) {
            if clause == nil {
                let isDefinitions = text.lowercased().hasSuffix("verstaan onder:") || text.lowercased().hasSuffix("wordt verstaan:")
                clause = (article?.label ?? (isDefinitions ? "definities" : "preamble"), isDefinitions ? "Definities" : nil, [], [])
            } else if article == nil, text.lowercased().hasSuffix("verstaan onder:"), clause?.label == "preamble" {
                startClause(label: "definities", heading: "Definities")
            }
            clause?.lines.append(text)
            clause?.pages.append(page)
        }

        mutating func flushClause() {
            guard let c = clause else { return }
            clause = nil
            guard !c.lines.isEmpty else { return }
            var key = [part?.keyPrefix, c.label].compactMap { $0 }.joined(separator: "/")
            if usedKeys.contains(key) {
                // Counted per key, so a document that repeats a number thousands of times stays linear.
                var n = max(2, (duplicateCounts[key] ?? 1) + 1)
                while usedKeys.contains("\(key)~\(n)") { n += 1 }
                duplicateCounts[key] = n
                key = "\(key)~\(n)"
            }
            usedKeys.insert(key)
            let pieces = ClausePieces().split(lines: c.lines, pages: c.pages)
            for (n, piece) in pieces.enumerated() {
                let location = ClauseLocation(part: part?.label, article: article?.label, articleHeading: article?.heading,
                                              clause: c.label, heading: c.heading, page: piece.page,
                                              piece: pieces.count > 1 ? n + 1 : nil)
                let pieceKey = n == 0 ? key : "\(key)#\(n + 1)"
                usedKeys.insert(pieceKey)
                clauses.append(SegmentedClause(key: pieceKey, location: location, lines: piece.lines))
            }
        }
    }
}

extension ClauseSegmenter {
    /// A numbered line of up to sixteen words that ends without punctuation where a new sentence
    /// starts on the next line ("18. Als u het niet eens bent met een juridisch specialist van
    /// buiten ARAG" / "Misschien hebben wij …"): a heading, since a sentence broken by the line
    /// would go on in lower case.
    static func isLongHeading(_ text: String, before next: LineKind?) -> Bool {
        guard case .text(let following)? = next, following.first?.isUppercase == true,
              text.first?.isUppercase == true, let last = text.last, last.isLetter || last == "?" || last == ")",
              text.hasAtMostCharacters(120), text.wordCount(max: 16) <= 16 else { return false }
        return !LineClassifier.trailingFunctionWords.contains(String(text.split(separator: " ").last ?? "").lowercased())
    }

    /// What follows the number that opens `line`: "." ("3. Titel"), ")" ("3) Titel") or " " ("3 Titel").
    static func numberMark(_ line: String) -> Character {
        let after = line.drop { $0.isASCII && $0.isNumber }.first
        return after == "." || after == ")" ? after! : " "
    }
}

/// Lowercase ASCII slug of a label ("Bijlage 1" → "bijlage-1"); used in stable keys.
func slug(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var out = ""
    var dash = false
    for c in folded.unicodeScalars {
        if c.isASCII && (c.properties.isAlphabetic || (c.value >= 48 && c.value <= 57)) {
            if dash && !out.isEmpty { out += "-" }
            out.unicodeScalars.append(c)
            dash = false
        } else {
            dash = true
        }
    }
    return out.isEmpty ? "section" : String(out.prefix(60))
}
