/// The literals of many `RequiredLiterals.Requirement`s, found in a text in one pass.
///
/// The topic tagger asks for every cue whether the clause has the literals it needs; searching
/// for each literal separately cost as much as matching the cues. Here each text position looks
/// up the literals that begin with its three scalars, and a requirement becomes a short program
/// over the literals' numbers.
struct LiteralIndex: Sendable {
    /// The literals, lower case, as scalars, one after another: literal `n` is
    /// `scalars[literalStarts[n]..<literalStarts[n + 1]]`.
    private let scalars: [UInt32]
    private let literalStarts: [Int32]
    /// Literal numbers grouped by the key of their first three scalars: bucket `k` is
    /// `bucketLiterals[bucketStarts[k]..<bucketStarts[k + 1]]`.
    private let bucketStarts: [Int32]
    private let bucketLiterals: [Int32]

    /// An index of the literals `requirements` mention; `requirement(_:)` translates each of them.
    init(_ requirements: [RequiredLiterals.Requirement]) {
        var literals: [[UInt32]] = []
        for requirement in requirements {
            for needle in requirement.alternatives.joined().joined() {
                let scalars = Self.scalars(needle)
                if !literals.contains(scalars) { literals.append(scalars) }
            }
        }
        var buckets = [[Int32]](repeating: [], count: 1 << (3 * Self.bitsPerScalar))
        for (number, literal) in literals.enumerated() {
            // A literal shorter than the key goes in every bucket it opens.
            var keys = [0]
            for i in 0..<3 {
                let parts = i < literal.count ? [Int(literal[i]) & Self.scalarMask] : Array(0...Self.scalarMask)
                keys = keys.flatMap { key in parts.map { key << Self.bitsPerScalar | $0 } }
            }
            for key in keys { buckets[key].append(Int32(number)) }
        }
        scalars = Array(literals.joined())
        literalStarts = literals.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
        bucketStarts = buckets.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
        bucketLiterals = Array(buckets.joined())
    }

    private static func scalars(_ needle: RequiredLiterals.Needle) -> [UInt32] {
        String(decoding: needle.bytes, as: UTF8.self).unicodeScalars.map(\.value)
    }

    private func literal(_ number: Int) -> ArraySlice<UInt32> {
        scalars[Int(literalStarts[number])..<Int(literalStarts[number + 1])]
    }

    /// A key holds the low five bits of each of three scalars: enough to keep lower-case letters
    /// apart, so that nearly every position finds its bucket empty.
    private static let bitsPerScalar = 5
    private static let scalarMask = (1 << bitsPerScalar) - 1

    /// The bucket of the literals that may start at `position` (past the end counts as 0).
    private static func key(_ text: UnsafeBufferPointer<UInt32>, at position: Int) -> Int {
        var key = 0
        for i in position..<(position + 3) {
            key = key << bitsPerScalar | (i < text.count ? Int(text[i]) & scalarMask : 0)
        }
        return key
    }

    /// Which literals occur in `text` (lower-case scalars), by number.
    func occurrences(in text: [UInt32]) -> [Bool] {
        var found = [Bool](repeating: false, count: literalStarts.count - 1)
        found.withUnsafeMutableBufferPointer { found in
            text.withUnsafeBufferPointer { text in
                scalars.withUnsafeBufferPointer { scalars in
                    literalStarts.withUnsafeBufferPointer { literalStarts in
                        bucketStarts.withUnsafeBufferPointer { bucketStarts in
                            bucketLiterals.withUnsafeBufferPointer { bucketLiterals in
                                for position in text.indices {
                                    let key = Self.key(text, at: position)
                                    for slot in Int(bucketStarts[key])..<Int(bucketStarts[key + 1]) {
                                        let number = Int(bucketLiterals[slot])
                                        let start = Int(literalStarts[number]), count = Int(literalStarts[number + 1]) - start
                                        guard !found[number], position + count <= text.count else { continue }
                                        var matched = 0
                                        while matched < count, text[position + matched] == scalars[start + matched] { matched += 1 }
                                        if matched == count { found[number] = true }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    /// `requirement` over this index's literal numbers.
    func requirement(_ requirement: RequiredLiterals.Requirement) -> Requirement {
        var code: [Int32] = [Int32(requirement.alternatives.count)]
        for sets in requirement.alternatives {
            code.append(Int32(sets.count))
            for set in sets {
                code.append(Int32(set.count))
                for needle in set {
                    let number = (0..<(literalStarts.count - 1)).first { literal($0).elementsEqual(Self.scalars(needle)) }!
                    code.append(Int32(number))
                }
            }
        }
        return Requirement(code: code)
    }

    /// A requirement as numbers: the count of alternatives, then per alternative the count of
    /// its sets, then per set the count of its literals and their numbers.
    struct Requirement: Sendable {
        let code: [Int32]

        /// Whether the literals `found` (from `occurrences(in:)`) meet the requirement: all sets of
        /// some alternative have a literal that occurs.
        func isMet(by found: [Bool]) -> Bool {
            code.withUnsafeBufferPointer { code in
                var i = 1
                var alternativesLeft = Int(code[0])
                while alternativesLeft > 0 {
                    alternativesLeft -= 1
                    var setsLeft = Int(code[i])
                    i += 1
                    var allSetsMet = true
                    while setsLeft > 0 {
                        setsLeft -= 1
                        let count = Int(code[i])
                        let literals = code[(i + 1)..<(i + 1 + count)]
                        i += 1 + count
                        if allSetsMet, !literals.contains(where: { found[Int($0)] }) { allSetsMet = false }
                    }
                    if allSetsMet { return true }
                }
                return false
            }
        }
    }
}
