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
        guard line.count <= 30 else { return false }
        let range = NSRange(line.startIndex..., in: line)
        return pageNumber.contains { $0.firstMatch(in: line, options: [.anchored], range: range) != nil }
    }

    static func isWebChrome(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower == "top of page" || lower == "bottom of page" || lower == "back to top" || lower == "naar boven"
    }

    static func isCopyright(_ line: String) -> Bool {
        guard line.count <= 80 else { return false }
        let lower = line.lowercased()
        return lower.hasPrefix("©") || lower.hasPrefix("(c)") || lower.hasPrefix("copyright")
    }

    /// Lower-cased, digits as '#', so "Pagina 3 van 9" and running footers with page numbers match.
    static func key(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for s in line.lowercased().unicodeScalars {
            out.append(("0"..."9").contains(s) ? "#" : s)
        }
        return String(out)
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
        var keyCounts: [String: Int] = [:]
        var keyTexts: [String: Set<String>] = [:]
        for line in lines where !line.text.isEmpty && line.text.count <= 120 {
            let k = key(line.text)
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
                    for i in edges[page]! where lines[i].text.count <= 120 {
                        pagesWithKey[key(lines[i].text), default: []].insert(page)
                    }
                }
                var removed = false
                for page in pageOrder {
                    for i in edges[page] ?? [] {
                        let t = lines[i].text
                        guard t.count <= 120, (pagesWithKey[key(t)]?.count ?? 0) >= threshold,
                              !UnitStart.isUnitStart(t) || isPageNumber(t) else { continue }
                        drop.insert(i)
                        removed = true
                        log.note(.pageFurniture, t)
                    }
                }
                if !removed { break }
            }
        }
        for (i, line) in lines.enumerated() where !line.text.isEmpty && !drop.contains(i) {
            let t = line.text
            let k = key(t)
            // A short line that recurs with a changing number: a running footer with a page counter
            // ("Algemene voorwaarden OAE Consultants 5") in text without page breaks.
            if t.count <= 70, k.contains("#"), (keyCounts[k] ?? 0) >= 3, (keyTexts[k]?.count ?? 0) >= 2,
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
