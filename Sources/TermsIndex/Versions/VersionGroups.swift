import Foundation

/// Versions of one supplier's terms among the documents of an index: documents of the same
/// supplier, kind and main language with different version dates are versions of each other,
/// and the latest one is current.
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

        public init(document: String, supplier: String, kind: String?, language: String?, versionDate: String?, versionLabel: String?) {
            self.document = document
            self.supplier = supplier
            self.kind = kind
            self.language = language
            self.versionDate = versionDate
            self.versionLabel = versionLabel
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
        /// The group's name: supplier, kind and language as a slug ("matteman/general-terms-b2b/nl").
        public var group: String
        /// Whether this is the latest version of its group.
        public var current: Bool
        /// The document of the version before this one, if any.
        public var previous: String?
    }

    /// Placements by document id, for documents that have at least one other version; documents
    /// whose versions cannot be ordered (no dates, or the same date) are left out.
    public static func placements(_ members: [Member]) -> [String: Placement] {
        var groups: [String: [Member]] = [:]
        for m in members {
            groups[groupName(m), default: []].append(m)
        }
        var out: [String: Placement] = [:]
        for (name, group) in groups where group.count > 1 {
            let dated = group.filter { $0.date != nil }.sorted { ($0.date!, $0.document) < ($1.date!, $1.document) }
            guard Set(dated.map { $0.date! }).count > 1 else { continue }
            for (n, m) in dated.enumerated() {
                out[m.document] = Placement(group: name, current: m.date == dated.last!.date,
                                            previous: dated[..<n].last { $0.date! < m.date! }?.document)
            }
            for m in group where m.date == nil { out[m.document] = Placement(group: name, current: false, previous: nil) }
        }
        return out
    }

    /// The group a document belongs to.
    static func groupName(_ m: Member) -> String {
        [slug(m.supplier), m.kind ?? "unknown-kind", m.language ?? "unknown-language"].joined(separator: "/")
    }

    /// Documents (ids) of the current version of every group, and of every document not in a group.
    public static func currentDocuments(_ members: [Member]) -> Set<String> {
        let placed = placements(members)
        return Set(members.filter { placed[$0.document]?.current ?? true }.map(\.document))
    }

    /// The document of each group in force on `date` (ISO, compared as text): the latest version
    /// dated on or before it; documents not in a group count as in force.
    public static func documents(asOf date: String, _ members: [Member]) -> Set<String> {
        let placed = placements(members)
        var latest: [String: Member] = [:]
        var out = Set<String>()
        for m in members {
            guard let p = placed[m.document] else { out.insert(m.document); continue }
            guard let d = m.date, d <= date || d.hasPrefix(date) else { continue }
            if let l = latest[p.group], let ld = l.date, ld >= d { continue }
            latest[p.group] = m
        }
        for m in latest.values { out.insert(m.document) }
        return out
    }
}
