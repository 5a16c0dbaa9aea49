import Foundation

/// Finds lines that belong to the page rather than the text: page numbers, running headers and
/// footers, copyright footers, website chrome ("top of page").
enum PageFurniture {
    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    private static let pageNumber: [NSRegularExpression] = [
        regex(#"^[-–—]?\s*\d{1,4}\s*[-–—]?$"#),                                 // 2   - 2 -
        regex(#"^(pagina|page|blz\.?|p\.)\s*\d{1,4}(\s*(van|of|/)\s*\d{1,4})?$"#), // Pagina 2 van 9
        regex(#"^\d{1,4}\s*(/|van|of)\s*\d{1,4}$"#),                             // 2/9   2 van 9
    ]

    static func isPageNumber(_ line: String) -> Bool {
        // Every pattern needs a digit (`\d` is any decimal digit) and starts with a dash, white
        // space, a digit or "p"/"b"; most lines fail that without running the expressions.
        guard let first = line.unicodeScalars.first,
              "-–—pPbB".unicodeScalars.contains(first) || first.properties.isWhitespace || isDecimalDigit(first),
              line.unicodeScalars.contains(where: isDecimalDigit), line.hasAtMostCharacters(30) else { return false }
        let range = NSRange(line.startIndex..., in: line)
        return pageNumber.contains { $0.firstMatch(in: line, options: [.anchored], range: range) != nil }
    }

    private static func isDecimalDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x30 && s.value <= 0x39) : s.properties.generalCategory == .decimalNumber
    }

    static func isWebChrome(_ line: String) -> Bool {
        let lower = line.quickLowercased()
        return lower == "top of page" || lower == "bottom of page" || lower == "back to top" || lower == "naar boven"
    }

    static func isCopyright(_ line: String) -> Bool {
        guard line.hasAtMostCharacters(80) else { return false }
        let lower = line.quickLowercased()
        return lower.hasPrefix("©") || lower.hasPrefix("(c)") || lower.hasPrefix("copyright")
    }

    /// Lower-cased, digits as '#', so "Pagina 3 van 9" and running footers with page numbers match.
    static func key(_ line: String) -> String {
        // ASCII digits are single UTF-8 bytes, so swapping bytes keeps every other scalar intact.
        String(decoding: RequiredLiterals.loweredBytes(line).map { $0 >= 0x30 && $0 <= 0x39 ? UInt8(ascii: "#") : $0 }, as: UTF8.self)
    }

    /// Marks furniture lines in `lines` (already trimmed); returns the indexes to drop.
    static func furniture(in lines: [RawLine], log: inout RepairLog) -> Set<Int> {
        var drop = Set<Int>()
        var pageOrder: [Int] = []
        var lastNonBlank: [Int: Int] = [:]
        var byPage: [Int: [Int]] = [:]
        for (i, line) in lines.enumerated() where !line.text.isEmpty {
            if byPage[line.page] == nil { pageOrder.append(line.page) }
            byPage[line.page, default: []].append(i)
            lastNonBlank[line.page] = i
        }
        // The key of every non-blank line of at most 120 characters, the only ones compared.
        let keys = lines.map { $0.text.isEmpty || !$0.text.hasAtMostCharacters(120) ? nil : key($0.text) }
        var keyCounts: [String: Int] = [:]
        var keyTexts: [String: Set<String>] = [:]
        for (line, k) in zip(lines, keys) {
            guard let k else { continue }
            keyCounts[k, default: 0] += 1
            if keyTexts[k, default: []].count < 3 { keyTexts[k, default: []].insert(line.text) }
        }
        let lastLine = lines.lastIndex { !$0.text.isEmpty }

        for (i, line) in lines.enumerated() where !line.text.isEmpty {
            let t = line.text
            if isWebChrome(t) || isPageNumber(t) {
                drop.insert(i)
                log.note(.pageFurniture, t)
            }
        }
        // Running headers and footers: the same line (page numbers aside) first or last on at
        // least three pages and 40% of them. Two rounds, for a header of two lines.
        if pageOrder.count >= 3 {
            let threshold = max(3, Int((Double(pageOrder.count) * 0.4).rounded(.up)))
            for _ in 0..<2 {
                var edges: [Int: [Int]] = [:]
                var pagesWithKey: [String: Set<Int>] = [:]
                for page in pageOrder {
                    let remaining = byPage[page]!.filter { !drop.contains($0) }
                    guard let first = remaining.first, let last = remaining.last else { continue }
                    edges[page] = first == last ? [first] : [first, last]
                    for i in edges[page]! {
                        if let k = keys[i] { pagesWithKey[k, default: []].insert(page) }
                    }
                }
                var removed = false
                for page in pageOrder {
                    for i in edges[page] ?? [] {
                        let t = lines[i].text
                        guard let k = keys[i], (pagesWithKey[k]?.count ?? 0) >= threshold,
                              !UnitStart.isUnitStart(t) || isPageNumber(t) else { continue }
                        drop.insert(i)
                        removed = true
                        log.note(.pageFurniture, t)
                    }
                }
                if !removed { break }
            }
        }
        for (i, line) in lines.enumerated() where !drop.contains(i) {
            // Lines without a key are blank or too long for either test below.
            guard let k = keys[i] else { continue }
            let t = line.text
            // A short line that recurs with a changing number: a running footer with a page counter
            // ("Algemene voorwaarden OAE Consultants 5") in text without page breaks.
            if t.hasAtMostCharacters(70), k.containsByte(UInt8(ascii: "#")), k.contains("#"), (keyCounts[k] ?? 0) >= 3, (keyTexts[k]?.count ?? 0) >= 2,
               let first = t.unicodeScalars.first, let last = t.unicodeScalars.last,
               ("0"..."9").contains(last) || ("0"..."9").contains(first),
               !UnitStart.isUnitStart(t) {
                drop.insert(i)
                log.note(.pageFurniture, t)
                continue
            }
            if isCopyright(t) && ((keyCounts[k] ?? 0) >= 2 || i == lastNonBlank[line.page] || i == lastLine) {
                drop.insert(i)
                log.note(.pageFurniture, t)
            }
        }
        return drop
    }
}
