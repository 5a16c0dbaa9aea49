import Foundation

/// Versions of one supplier's terms among the documents of an index: documents of the same
/// supplier, kind and main language with different version dates are versions of each other, and
/// so are documents linked by a manifest's `versionOf` (transitively, whatever their supplier or
/// kind); the latest one is current.
public enum VersionGroups {
    /// What one document needs for grouping.
    public struct Member: Sendable {
        public var document: String
        public var supplier: String
        public var kind: String?
        public var language: String?
        /// The ISO version date, if known.
        public var versionDate: String?
        /// The version label ("file dated 2020-09-19" counts as a date when no version date is known).
        public var versionLabel: String?
        /// The document this one is declared a later version of (`versionOf`), if any.
        public var versionOf: String?

        public init(document: String, supplier: String, kind: String?, language: String?, versionDate: String?, versionLabel: String?,
                    versionOf: String? = nil) {
            self.document = document
            self.supplier = supplier
            self.kind = kind
            self.language = language
            self.versionDate = versionDate
            self.versionLabel = versionLabel
            self.versionOf = versionOf
        }

        /// The date the version is ordered by: the version date, else the file's date in the label.
        var date: String? {
            if let versionDate { return versionDate }
            guard let label = versionLabel, label.hasPrefix("file dated ") else { return nil }
            return String(label.dropFirst("file dated ".count))
        }
    }

    /// A document's place among its versions.
    public struct Placement: Sendable, Equatable {
        /// The group's name: supplier, kind and language as a slug ("matteman/general-terms-b2b/nl"),
        /// those of its oldest version when `versionOf` links documents that differ in them.
        public var group: String
        /// Whether this is the latest version of its group.
        public var current: Bool
        /// The document of the version before this one, if any.
        public var previous: String?
    }

    /// One group's versions, oldest first.
    struct Group {
        var name: String
        /// Versions in order; documents of one step have the same date and are copies, not versions.
        var steps: [[Member]]
        /// The date each step counts as in force from (nil: since always), for `documents(asOf:)`.
        var inForceFrom: [String?]
        /// Members that cannot be ordered: no date and no `versionOf` link. In the group, never current.
        var unordered: [Member]
    }

    /// Every group of at least two versions. Members are joined by supplier, kind and language and
    /// by `versionOf` links (to documents among `members`; others are ignored). Within a group a
    /// document is ordered by its date; one without a date by its links: right after the document
    /// it is a version of (and counted in force from that one's date), or, when it has no target
    /// but is the target of another, before that one (in force since always). Where both dates are
    /// known they decide, and a `versionOf` between documents of the same date puts the declaring
    /// one after its target.
    static func groups(_ members: [Member]) -> [Group] {
        let byID = Dictionary(members.map { ($0.document, $0) }, uniquingKeysWith: { first, _ in first })
        // Union-find over member indices.
        var parent = Array(members.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func join(_ a: Int, _ b: Int) { let (ra, rb) = (root(a), root(b)); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        let index = Dictionary(members.enumerated().map { ($1.document, $0) }, uniquingKeysWith: { first, _ in first })
        var firstOfName: [String: Int] = [:]
        var linked = Set<String>()
        for (i, m) in members.enumerated() {
            if let j = firstOfName[groupName(m)] { join(i, j) } else { firstOfName[groupName(m)] = i }
            if let target = m.versionOf, target != m.document, let j = index[target] {
                join(i, j)
                linked.insert(m.document)
                linked.insert(target)
            }
        }
        var components: [Int: [Member]] = [:]
        for i in members.indices { components[root(i), default: []].append(members[i]) }

        var out: [Group] = []
        for component in components.values where component.count > 1 {
            let inComponent = Set(component.map(\.document))
            func target(_ m: Member) -> Member? {
                guard let t = m.versionOf, t != m.document, inComponent.contains(t) else { return nil }
                return byID[t]
            }
            // Sort key: (date, generation). An undated document takes its target's date; the
            // generation counts versionOf steps among documents of one date.
            var keys: [String: (date: String?, generation: Int)] = [:]
            func key(_ m: Member, _ visiting: inout Set<String>) -> (date: String?, generation: Int) {
                if let known = keys[m.document] { return known }
                guard visiting.insert(m.document).inserted else { return (m.date, 0) }  // a cycle of versionOf
                var result: (date: String?, generation: Int) = (m.date, 0)
                if let t = target(m) {
                    let tk = key(t, &visiting)
                    if m.date == nil || m.date == tk.date { result = (tk.date, tk.generation + 1) }
                }
                keys[m.document] = result
                return result
            }
            var ordered: [Member] = [], unordered: [Member] = []
            for m in component {
                if m.date != nil || linked.contains(m.document) {
                    var visiting = Set<String>()
                    _ = key(m, &visiting)
                    ordered.append(m)
                } else {
                    unordered.append(m)
                }
            }
            func precedes(_ a: (date: String?, generation: Int), _ b: (date: String?, generation: Int)) -> Bool {
                if a.date != b.date { return a.date == nil || (b.date != nil && a.date! < b.date!) }
                return a.generation < b.generation
            }
            ordered.sort { a, b in
                let ka = keys[a.document]!, kb = keys[b.document]!
                if precedes(ka, kb) || precedes(kb, ka) { return precedes(ka, kb) }
                return a.document < b.document
            }
            var steps: [[Member]] = [], inForceFrom: [String?] = []
            for m in ordered {
                let k = keys[m.document]!
                if let last = steps.last?.last, let lk = keys[last.document], lk.date == k.date, lk.generation == k.generation {
                    steps[steps.count - 1].append(m)
                } else {
                    steps.append([m])
                    inForceFrom.append(k.date)
                }
            }
            guard steps.count > 1 else { continue }
            out.append(Group(name: groupName(steps[0][0]), steps: steps, inForceFrom: inForceFrom, unordered: unordered))
        }
        return out
    }

    /// Placements by document id, for documents that have at least one other version; documents
    /// whose versions cannot be ordered (no dates and no `versionOf`, or the same date) are left out.
    public static func placements(_ members: [Member]) -> [String: Placement] {
        var out: [String: Placement] = [:]
        for group in groups(members) {
            for (n, step) in group.steps.enumerated() {
                let before = n > 0 ? group.steps[n - 1] : []
                for m in step {
                    // The declared target when it is the version just before, else the last of that step.
                    let previous = before.first { $0.document == m.versionOf } ?? before.last
                    out[m.document] = Placement(group: group.name, current: n == group.steps.count - 1, previous: previous?.document)
                }
            }
            for m in group.unordered { out[m.document] = Placement(group: group.name, current: false, previous: nil) }
        }
        return out
    }

    /// The group a document belongs to by supplier, kind and language.
    static func groupName(_ m: Member) -> String {
        [slug(m.supplier), m.kind ?? "unknown-kind", m.language ?? "unknown-language"].joined(separator: "/")
    }

    /// Documents (ids) of the current version of every group, and of every document not in a group.
    public static func currentDocuments(_ members: [Member]) -> Set<String> {
        let placed = placements(members)
        return Set(members.filter { placed[$0.document]?.current ?? true }.map(\.document))
    }

    /// The documents of each group in force on `date` (ISO, compared as text): the latest version
    /// dated on or before it (an undated one as the order puts it, see `groups`); documents not in
    /// a group count as in force.
    public static func documents(asOf date: String, _ members: [Member]) -> Set<String> {
        var out = Set(members.map(\.document))
        for group in groups(members) {
            for step in group.steps { for m in step { out.remove(m.document) } }
            for m in group.unordered { out.remove(m.document) }
            let inForce = group.inForceFrom.lastIndex { from in from.map { $0 <= date || $0.hasPrefix(date) } ?? true }
            if let inForce { for m in group.steps[inForce] { out.insert(m.document) } }
        }
        return out
    }
}
