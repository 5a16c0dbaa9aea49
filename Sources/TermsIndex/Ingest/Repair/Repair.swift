import Foundation

/// The kinds of damage the repair stage knows how to undo.
public enum RepairKind: String, Sendable, CaseIterable {
    case byteOrderMark
    case lineEndings
    /// The bytes were not valid UTF-8 and were decoded as Windows-1252 (or as BOM-less UTF-16).
    case encoding
    case mojibake
    case unicodeNormalisation
    case ligature
    /// A ligature glyph mapped to the wrong character by its font (`AutomaTsche`, `informaƟe`).
    case glyph
    case softHyphen
    case zeroWidth
    case noBreakSpace
    /// U+2010/U+2011 and doubled hyphens turned into one ASCII hyphen.
    case hyphenCharacter
    case controlCharacter
    case whitespace
    case hyphenation
    case paragraphJoin
    case pageFurniture
}

/// What was repaired, how often, and one short example ("Ã© → é").
public struct Repair: Sendable, Equatable {
    public var kind: RepairKind
    public var count: Int
    public var example: String

    public init(kind: RepairKind, count: Int, example: String) {
        self.kind = kind
        self.count = count
        self.example = example
    }
}

/// Accumulates repairs in the order they were first seen; keeps the first example of each kind.
struct RepairLog {
    private var order: [RepairKind] = []
    private var counts: [RepairKind: Int] = [:]
    private var examples: [RepairKind: String] = [:]

    mutating func note(_ kind: RepairKind, _ example: @autoclosure () -> String, count: Int = 1) {
        guard count > 0 else { return }
        if counts[kind] == nil {
            order.append(kind)
            examples[kind] = String(example().prefix(80))
        }
        counts[kind, default: 0] += count
    }

    /// How many repairs of `kind` were noted.
    func count(of kind: RepairKind) -> Int { counts[kind] ?? 0 }

    mutating func merge(_ repairs: [Repair]) {
        for r in repairs { note(r.kind, r.example, count: r.count) }
    }

    var repairs: [Repair] {
        order.map { Repair(kind: $0, count: counts[$0] ?? 0, example: examples[$0] ?? "") }
    }
}
