import Foundation

/// A word-level diff of two texts: the longest common subsequence of their words, compared by
/// `VersionWord.key` (case, punctuation, whitespace and line-end hyphenation do not count).
public struct WordDiff: Codable, Sendable, Equatable {
    /// What a run of words did between the versions.
    public enum Operation: String, Codable, Sendable {
        /// In both versions.
        case equal = "="
        /// Only in the new version.
        case inserted = "+"
        /// Only in the old version.
        case deleted = "-"
    }

    /// A run of words with one operation, as written (the new version's spelling for equal runs).
    public struct Segment: Codable, Sendable, Equatable {
        public var op: Operation
        public var text: String
    }

    /// The runs in reading order; deletions come before the insertions that replace them.
    public var segments: [Segment]
    /// Words in both versions.
    public var common: Int
    /// Words of the old and the new version.
    public var oldCount: Int
    public var newCount: Int

    /// 2·common / (old + new): 1 for the same words in the same order, 0 for nothing shared.
    public var ratio: Double { oldCount + newCount == 0 ? 1 : 2 * Double(common) / Double(oldCount + newCount) }

    /// Words inserted plus words deleted.
    public var changedWords: Int { oldCount + newCount - 2 * common }

    /// The diff of `old` and `new`.
    public init(old: String, new: String) {
        self.init(old: VersionText.words(old), new: VersionText.words(new))
    }

    /// The diff of two word lists.
    public init(old: [VersionWord], new: [VersionWord]) {
        let pairs = Self.matchedPairs(old.map(Self.compared), new.map(Self.compared))
        oldCount = old.count
        newCount = new.count
        common = pairs.count
        var segments: [Segment] = []
        func add(_ op: Operation, _ word: String) {
            if let last = segments.last, last.op == op { segments[segments.count - 1].text += " " + word }
            else { segments.append(Segment(op: op, text: word)) }
        }
        var i = 0, j = 0
        for (a, b) in pairs + [(old.count, new.count)] {
            while i < a { add(.deleted, old[i].written); i += 1 }
            while j < b { add(.inserted, new[j].written); j += 1 }
            if a < old.count { add(.equal, new[b].written); i += 1; j += 1 }
        }
        self.segments = segments
    }

    private static func compared(_ word: VersionWord) -> String { word.key.isEmpty ? word.written : word.key }

    /// The number of words two texts share in order (the LCS length), without building the diff.
    public static func commonWords(_ a: [String], _ b: [String]) -> Int { matchedPairs(a, b).count }

    /// Index pairs of a longest common subsequence of `a` and `b`, in order. The common prefix
    /// and suffix are matched first, so two versions that differ in a few words cost little.
    static func matchedPairs(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var pairs = (0..<prefix).map { ($0, $0) }
        let aMid = Array(a[prefix..<(a.count - suffix)]), bMid = Array(b[prefix..<(b.count - suffix)])
        if !aMid.isEmpty && !bMid.isEmpty {
            // Words as small integers, so the table compares integers.
            var ids: [String: Int32] = [:]
            let x = aMid.map { w -> Int32 in if let id = ids[w] { return id }; let id = Int32(ids.count); ids[w] = id; return id }
            let y = bMid.map { w -> Int32 in ids[w] ?? -1 }
            let n = x.count, m = y.count
            var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * (m + 1) + j] = x[i] == y[j] ? table[(i + 1) * (m + 1) + j + 1] + 1
                        : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
                }
            }
            var i = 0, j = 0
            while i < n && j < m {
                if x[i] == y[j] { pairs.append((prefix + i, prefix + j)); i += 1; j += 1 }
                else if table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] { i += 1 }
                else { j += 1 }
            }
        }
        for k in 0..<suffix { pairs.append((a.count - suffix + k, b.count - suffix + k)) }
        return pairs
    }
}
