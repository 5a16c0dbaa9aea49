import Foundation

/// The manifests' `versionOf` declarations of the files being indexed, resolved to document ids.
///
/// A declaration names its target by file name relative to the manifest's folder (`"acme-2023.txt"`,
/// `"../2023/acme.pdf"`) or by document id (`"2023/acme"`); the file name is tried first. Targets are
/// the files of this run and the documents the index already holds from other folders. A
/// declaration that names nothing (or the file itself) is a warning: the file is indexed without it.
struct VersionDeclarations: Sendable {
    /// Target document id by declaring document id.
    var targets: [String: String] = [:]
    /// One per declaration that names no document.
    var warnings: [IndexingWarning] = []

    /// Resolves the declarations of `listing`'s files; `records` are the index's file records before
    /// the run; with `prune`, records of files gone from the folders being indexed are no targets.
    init(listing: SourceListing, records: [FileRecord], manifests: ManifestCache, prune: Bool) {
        var idByPath: [String: String] = [:]
        for record in records where record.status == .indexed && !(prune && listing.isBelowFolders(record.path)) {
            idByPath[record.path] = record.document
        }
        for entry in listing.entries { idByPath[entry.path] = entry.documentID }
        let ids = Set(idByPath.values)

        for entry in listing.entries {
            let file = URL(fileURLWithPath: entry.path)
            guard let declared = manifests.entry(for: file)?.versionOf else { continue }
            let folder = file.deletingLastPathComponent()
            let name = declared.trimmingCharacters(in: .whitespaces)
            let target = name.isEmpty ? nil
                : idByPath[URL(fileURLWithPath: name, relativeTo: folder).standardizedFileURL.path] ?? (ids.contains(name) ? name : nil)
            let manifest = folder.appendingPathComponent(Manifest.fileName).path
            let quoted = "\"\(file.lastPathComponent)\": versionOf \"\(declared)\""
            if let target, target != entry.documentID {
                targets[entry.documentID] = target
            } else if target != nil {
                warnings.append(IndexingWarning(path: manifest, message: "\(quoted) names the file itself; indexed, but not grouped by it"))
            } else {
                warnings.append(IndexingWarning(
                    path: manifest,
                    message: "\(quoted) names neither a file of the index (relative to the manifest's folder) nor a document id; indexed, but not grouped by it"))
            }
        }
        warnings.sort { ($0.path, $0.message) < ($1.path, $1.message) }
    }
}
