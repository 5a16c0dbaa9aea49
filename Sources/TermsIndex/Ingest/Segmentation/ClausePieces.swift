import Foundation

/// Cuts text too long to read as one clause into pieces at paragraph and sentence boundaries.
///
/// A clause of 10,000 characters is not an answer a reader can use, and it wins every search for
/// the words it happens to contain. Text that found no structure is cut into pieces of at most
/// `limit` characters (a hard ceiling; pieces aim at `target`), each keeping the clause's label.
struct ClausePieces {
    /// No piece is longer than this, unless one word is.
    var limit = 2_500
    /// Pieces aim at this size, so that most cuts fall on paragraph ends.
    var target = 1_800

    /// One piece: its lines and the page of its first line.
    struct Piece: Equatable {
        var lines: [String]
        var page: Int?
    }

    /// The pieces of a clause with `lines` (and each line's page); one piece when it is short enough.
    func split(lines: [String], pages: [Int?]) -> [Piece] {
        let total = lines.reduce(0) { $0 + $1.count + 1 }
        guard total > limit else { return [Piece(lines: lines, page: pages.first ?? nil)] }
        // Units: whole lines, or the sentences of a line longer than the target.
        var units: [(text: String, newLine: Bool, page: Int?)] = []
        for (i, line) in lines.enumerated() {
            let page = i < pages.count ? pages[i] : nil
            let parts = line.count > target ? ClausePieces.sentences(line, max: target) : [line]
            for (k, part) in parts.enumerated() { units.append((part, k == 0, page)) }
        }
        var pieces: [Piece] = []
        var current: [String] = []
        var size = 0
        var page: Int?
        for unit in units {
            if size > 0, size + unit.text.count + 1 > target {
                pieces.append(Piece(lines: current, page: page))
                current = []
                size = 0
            }
            if current.isEmpty { page = unit.page }
            if unit.newLine || current.isEmpty { current.append(unit.text) } else { current[current.count - 1] += " " + unit.text }
            size += unit.text.count + 1
        }
        if !current.isEmpty {
            // A short tail joins the piece before it when both fit.
            if let last = pieces.last, size < target / 4,
               last.lines.reduce(0, { $0 + $1.count + 1 }) + size <= limit {
                pieces[pieces.count - 1].lines += current
            } else {
                pieces.append(Piece(lines: current, page: page))
            }
        }
        return pieces
    }

    /// Sentences of `text`, each at most `max` characters (a longer sentence is cut between words).
    static func sentences(_ text: String, max: Int) -> [String] {
        var out: [String] = []
        var sentence = ""
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            sentence.append(c)
            let ends = ".?!;".contains(c) && i + 2 < characters.count && characters[i + 1] == " "
                && (characters[i + 2].isUppercase || characters[i + 2].isNumber || characters[i + 2] == "(")
            if ends && sentence.count >= 40 {
                out.append(sentence)
                sentence = ""
                i += 2
                continue
            }
            i += 1
        }
        if !sentence.isEmpty { out.append(sentence) }
        // Sentences longer than `max` are cut at the last space before it.
        return out.flatMap { s -> [String] in
            guard s.count > max else { return [s] }
            var parts: [String] = []
            var rest = Substring(s)
            while rest.count > max {
                let window = rest.prefix(max)
                let cut = window.lastIndex(of: " ") ?? window.endIndex
                parts.append(String(rest[..<cut]))
                rest = rest[cut...].drop { $0 == " " }
            }
            if !rest.isEmpty { parts.append(String(rest)) }
            return parts
        }
    }
}
