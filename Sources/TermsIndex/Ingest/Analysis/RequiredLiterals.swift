import Foundation

/// Literals that every match of a regular expression must contain, for skipping a pattern cheaply.
///
/// Understands the subset the topic cues use: top-level alternation, groups, classes, quantifiers,
/// escapes and look-arounds. Anything it is unsure of breaks a literal run, so the answer errs
/// towards running the expression.
enum RequiredLiterals {
    /// One literal per top-level alternative (its longest plain run of at least 3 characters), or
    /// nil when some alternative has no such run.
    static func of(_ pattern: String) -> [String]? {
        var literals: [String] = []
        for alternative in topLevelAlternatives(pattern) {
            guard let best = longestRun(alternative), best.count >= 3 else { return nil }
            literals.append(best)
        }
        return literals.isEmpty ? nil : literals
    }

    static func topLevelAlternatives(_ pattern: String) -> [[Character]] {
        var result: [[Character]] = [[]]
        var depth = 0
        var inClass = false
        var escaped = false
        for c in pattern {
            if escaped { result[result.count - 1].append(c); escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0:
                result.append([])
                continue
            default: break
            }
            result[result.count - 1].append(c)
        }
        return result
    }

    /// The longest run of plain characters outside groups and classes that no quantifier makes optional.
    static func longestRun(_ alternative: [Character]) -> String? {
        var best = ""
        var run: [Character] = []
        var depth = 0
        var inClass = false
        var i = 0
        func endRun() {
            if run.count > best.count { best = String(run) }
            run.removeAll()
        }
        while i < alternative.count {
            let c = alternative[i]
            let next: Character? = i + 1 < alternative.count ? alternative[i + 1] : nil
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            switch c {
            case "\\":
                endRun()
                i += 2
                continue
            case "[": endRun(); inClass = true
            case "(": endRun(); depth += 1
            case ")": endRun(); depth -= 1
            case "{":
                // A counted quantifier: skip to its end; its digits are not text.
                endRun()
                while i < alternative.count && alternative[i] != "}" { i += 1 }
            case ".", "^", "$", "*", "+", "?", "}": endRun()
            default:
                guard depth == 0 else { break }
                if let next, next == "?" || next == "*" || next == "{" {
                    endRun()  // an optional character ends the required run before it
                } else {
                    run.append(c)
                }
            }
            i += 1
        }
        endRun()
        return best.isEmpty ? nil : best
    }

    /// Whether `needle` occurs in `haystack` (both lower-case UTF-8).
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        // memchr finds candidate first bytes at machine speed; memcmp confirms.
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let base = UnsafeRawPointer(h.baseAddress!)
                let last = h.count - n.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(n[0]), last - offset + 1) else { return false }
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + position, n.baseAddress!, n.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
