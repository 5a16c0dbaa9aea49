import Foundation

/// Which clause of one version of a document became which clause of another.
///
/// Clauses are paired in four passes, each only among the clauses still unpaired: the same text
/// (letters and digits, so whitespace, hyphenation and punctuation noise do not count), the same
/// key with similar text (stable numbering), the most similar text anywhere (renumbered or moved
/// articles; word-level LCS ratio, with bag-of-words Dice as a cheap filter), and last a clause
/// whose words lie almost all inside a paired clause of the other version (a split or a merge).
public struct ClauseAlignment: Sendable {
    /// What happened to a clause between the versions.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case unchanged, changed, renumbered, moved, split, merged, added, removed
    }

    /// Clauses of the old version paired with clauses of the new one (indexes into each list).
    public struct Link: Sendable {
        /// Old clauses, in document order; empty for an added clause.
        public var old: [Int]
        /// New clauses, in document order; empty for a removed clause.
        public var new: [Int]
        public var kind: Kind
        /// Word-level similarity of the old and new text (1 for unchanged).
        public var similarity: Double
        /// The clause label changed ("8.10" → "9.10").
        public var renumbered: Bool
        /// The clause left the order of the clauses around it.
        public var moved: Bool
    }

    /// Every clause of both versions in exactly one link, in the new version's order, removed
    /// clauses after the clause that followed their predecessor.
    public let links: [Link]

    /// Minimum word similarity for two clauses to be versions of one another (the same key needs less).
    public static let minimumSimilarity = 0.45
    /// Minimum similarity of two clauses with the same key.
    public static let minimumSameKeySimilarity = 0.3
    /// Share of a clause's words that must lie in a clause of the other version to be part of its split or merge.
    public static let minimumContainment = 0.8

    /// Aligns `old` with `new` (clauses in document order, pieces joined).
    public init(old: [VersionClause], new: [VersionClause]) {
        let a = old.map(Profile.init), b = new.map(Profile.init)
        var oldPartner = [Int?](repeating: nil, count: a.count)   // old index → group id
        var newPartner = [Int?](repeating: nil, count: b.count)
        var groups: [(old: [Int], new: [Int])] = []
        var similarityCache: [Int: Double] = [:]
        func similarity(_ i: Int, _ j: Int) -> Double {
            let cacheKey = i * (b.count + 1) + j
            if let s = similarityCache[cacheKey] { return s }
            let s = Profile.similarity(a[i], b[j])
            similarityCache[cacheKey] = s
            return s
        }
        func pair(_ i: Int, _ j: Int) {
            oldPartner[i] = groups.count
            newPartner[j] = groups.count
            groups.append(([i], [j]))
        }
        // Relative position, to prefer the nearer of two clauses with the same text.
        func distance(_ i: Int, _ j: Int) -> Double {
            abs(Double(i) / Double(max(1, a.count)) - Double(j) / Double(max(1, b.count)))
        }

        // 1. The same text.
        var byFingerprint: [String: [Int]] = [:]
        for (j, p) in b.enumerated() where !p.fingerprint.isEmpty { byFingerprint[p.fingerprint, default: []].append(j) }
        for (i, p) in a.enumerated() {
            guard let candidates = byFingerprint[p.fingerprint] else { continue }
            let free = candidates.filter { newPartner[$0] == nil }
            guard !free.isEmpty else { continue }
            let j = free.first { b[$0].clause.key == p.clause.key }
                ?? free.min { distance(i, $0) < distance(i, $1) }!
            pair(i, j)
        }

        // 2. The same key, similar text.
        var newByKey: [String: Int] = [:]
        for (j, p) in b.enumerated() { newByKey[p.clause.key] = j }
        for (i, p) in a.enumerated() where oldPartner[i] == nil {
            if let j = newByKey[p.clause.key], newPartner[j] == nil, similarity(i, j) >= Self.minimumSameKeySimilarity,
               // Not when another free clause says the same far better (the numbering moved on).
               !b.indices.contains(where: { $0 != j && newPartner[$0] == nil && Profile.dice(p, b[$0]) > similarity(i, j) + 0.3
                   && similarity(i, $0) > similarity(i, j) + 0.25 }) {
                pair(i, j)
            }
        }

        // 3. The most similar text anywhere.
        var candidates: [(i: Int, j: Int, score: Double)] = []
        for i in a.indices where oldPartner[i] == nil {
            for j in b.indices where newPartner[j] == nil {
                guard Profile.dice(a[i], b[j]) >= Self.minimumSimilarity * 0.8 else { continue }
                let s = similarity(i, j)
                guard s >= Self.minimumSimilarity else { continue }
                var score = s
                if a[i].clause.heading != nil, a[i].clause.heading == b[j].clause.heading { score += 0.03 }
                if a[i].clause.articleHeading != nil, a[i].clause.articleHeading == b[j].clause.articleHeading { score += 0.02 }
                score -= 0.02 * distance(i, j)
                candidates.append((i, j, score))
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.i, $0.j) < ($1.i, $1.j) }
        for c in candidates where oldPartner[c.i] == nil && newPartner[c.j] == nil { pair(c.i, c.j) }

        // 4. Splits and merges: an unpaired clause whose words lie inside a paired clause of the
        // other version, and not inside that clause's partner (which would make it a copy).
        for j in b.indices where newPartner[j] == nil && b[j].count >= 3 {
            var best: (i: Int, containment: Double)?
            for i in a.indices {
                let c = Profile.containment(b[j], in: a[i])
                if c >= Self.minimumContainment, c > (best?.containment ?? 0) { best = (i, c) }
            }
            guard let (i, _) = best else { continue }
            if let g = oldPartner[i] {
                guard groups[g].old.count == 1,
                      groups[g].new.allSatisfy({ Profile.containment(b[j], in: b[$0]) < 0.5 }),
                      a[i].count >= groups[g].new.reduce(b[j].count) { $0 + b[$1].count } * 7 / 10 else { continue }
                groups[g].new.append(j)
                groups[g].new.sort()
                newPartner[j] = g
            } else {
                pair(i, j)
            }
        }
        for i in a.indices where oldPartner[i] == nil && a[i].count >= 3 {
            var best: (j: Int, containment: Double)?
            for j in b.indices {
                let c = Profile.containment(a[i], in: b[j])
                if c >= Self.minimumContainment, c > (best?.containment ?? 0) { best = (j, c) }
            }
            guard let (j, _) = best, let g = newPartner[j], groups[g].new.count == 1,
                  groups[g].old.allSatisfy({ Profile.containment(a[i], in: a[$0]) < 0.5 }),
                  b[j].count >= groups[g].old.reduce(a[i].count) { $0 + a[$1].count } * 7 / 10 else { continue }
            groups[g].old.append(i)
            groups[g].old.sort()
            oldPartner[i] = g
        }

        // Which one-to-one pairs keep their order: the longest increasing run of old positions.
        let ordered = groups.indices.sorted { groups[$0].new[0] < groups[$1].new[0] }
        let inOrder = Self.longestIncreasing(ordered.map { groups[$0].old[0] }).map { ordered[$0] }
        let keptOrder = Set(inOrder)

        var links: [(position: Double, link: Link)] = []
        for (g, group) in groups.enumerated() {
            let oldText = group.old.map { a[$0].clause.content }.joined(separator: "\n\n")
            let newText = group.new.map { b[$0].clause.content }.joined(separator: "\n\n")
            let same = VersionText.fingerprint(oldText) == VersionText.fingerprint(newText)
            let s = group.old.count == 1 && group.new.count == 1 ? similarity(group.old[0], group.new[0])
                : WordDiff(old: oldText, new: newText).ratio
            let renumbered = group.old.count == 1 && group.new.count == 1
                && (a[group.old[0]].clause.clause != b[group.new[0]].clause.clause || a[group.old[0]].clause.part != b[group.new[0]].clause.part)
            let moved = !keptOrder.contains(g)
            let kind: Kind = group.new.count > 1 ? .split : group.old.count > 1 ? .merged
                : !same ? .changed : moved ? .moved : renumbered ? .renumbered : .unchanged
            links.append((Double(group.new[0]), Link(old: group.old, new: group.new, kind: kind, similarity: same ? 1 : s,
                                                     renumbered: renumbered, moved: moved)))
        }
        for j in b.indices where newPartner[j] == nil {
            links.append((Double(j), Link(old: [], new: [j], kind: .added, similarity: 0, renumbered: false, moved: false)))
        }
        // A removed clause goes after the new partner of the nearest paired clause before it.
        for i in a.indices where oldPartner[i] == nil {
            var position = -1.0
            var k = i - 1
            while k >= 0 {
                if let g = oldPartner[k] { position = Double(groups[g].new.max()!); break }
                k -= 1
            }
            links.append((position + 0.5 + Double(i) / Double(a.count * 2 + 2), Link(old: [i], new: [], kind: .removed, similarity: 0,
                                                                                   renumbered: false, moved: false)))
        }
        self.links = links.sorted { $0.position < $1.position }.map(\.link)
    }

    /// Indexes into `values` of a longest strictly increasing subsequence.
    static func longestIncreasing(_ values: [Int]) -> [Int] {
        guard !values.isEmpty else { return [] }
        var tails: [Int] = []          // index into values of the smallest tail of each length
        var previous = [Int](repeating: -1, count: values.count)
        for (k, v) in values.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi { let mid = (lo + hi) / 2; if values[tails[mid]] < v { lo = mid + 1 } else { hi = mid } }
            if lo > 0 { previous[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var out: [Int] = []
        var k = tails.last!
        while k >= 0 { out.append(k); k = previous[k] }
        return out.reversed()
    }

    /// A clause prepared for comparison: its words, their counts and its fingerprint.
    struct Profile {
        let clause: VersionClause
        let keys: [String]
        let bag: [String: Int]
        let fingerprint: String
        var count: Int { keys.count }

        init(_ clause: VersionClause) {
            self.clause = clause
            keys = VersionText.words(clause.content).map(\.key).filter { !$0.isEmpty }
            var bag: [String: Int] = [:]
            for key in keys { bag[key, default: 0] += 1 }
            self.bag = bag
            fingerprint = VersionText.fingerprint(clause.content)
        }

        /// Words the two bags share, counted with multiplicity.
        static func shared(_ x: Profile, _ y: Profile) -> Int {
            let (small, large) = x.bag.count <= y.bag.count ? (x, y) : (y, x)
            return small.bag.reduce(0) { $0 + min($1.value, large.bag[$1.key] ?? 0) }
        }

        /// Bag-of-words Dice coefficient: an upper bound of the LCS ratio.
        static func dice(_ x: Profile, _ y: Profile) -> Double {
            x.count + y.count == 0 ? 1 : 2 * Double(shared(x, y)) / Double(x.count + y.count)
        }

        /// Share of `x`'s words that also occur in `y`.
        static func containment(_ x: Profile, in y: Profile) -> Double {
            x.count == 0 ? 0 : Double(shared(x, y)) / Double(x.count)
        }

        /// The word-level LCS ratio, or the Dice bound when that is already too low to matter.
        static func similarity(_ x: Profile, _ y: Profile) -> Double {
            if x.fingerprint == y.fingerprint { return 1 }
            let d = dice(x, y)
            guard d >= 0.25 else { return d }
            return x.count + y.count == 0 ? 1 : 2 * Double(WordDiff.commonWords(x.keys, y.keys)) / Double(x.count + y.count)
        }
    }
}
