import Foundation

/// One file to index, with its stable document id and its manifest entry.
public struct SourceFile: Sendable {
    /// The file.
    public var url: URL
    /// Stable document id: the path below the folder that was given, without extension, as a slug
    /// per path component ("klantassistent-algemene-voorwaarden", "2024/acme-voorwaarden").
    public var documentID: String
    /// The manifest entry for the file, if its folder has a manifest that names it.
    public var manifestEntry: Manifest.Entry?
}

/// Finds the files to index below the paths a user gives.
public enum SourceFiles {
    /// File names that are never documents.
    static let ignoredNames: Set<String> = [Manifest.fileName, "SOURCES.md", ".DS_Store", "Thumbs.db"]

    /// Walks `paths` (files or folders, recursively). Paths that do not exist come back as failures.
    public static func enumerate(_ paths: [String]) -> (files: [SourceFile], missing: [String]) {
        var files: [SourceFile] = []
        var missing: [String] = []
        var manifests: [URL: Manifest?] = [:]
        func manifest(for folder: URL) -> Manifest? {
            if let cached = manifests[folder] { return cached }
            let loaded = (try? Manifest.load(in: folder)) ?? nil
            manifests[folder] = loaded
            return loaded
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            let root = URL(fileURLWithPath: path).standardizedFileURL
            if !isDirectory.boolValue {
                let folder = root.deletingLastPathComponent()
                files.append(SourceFile(url: root, documentID: documentID(relativePath: root.lastPathComponent),
                                        manifestEntry: manifest(for: folder)?.entry(for: root)))
                continue
            }
            guard let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { continue }
            var found: [URL] = []
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                      !ignoredNames.contains(url.lastPathComponent) else { continue }
                found.append(url.standardizedFileURL)
            }
            for url in found.sorted(by: { $0.path < $1.path }) {
                let relative = String(url.path.dropFirst(root.path.count).drop { $0 == "/" })
                files.append(SourceFile(url: url, documentID: documentID(relativePath: relative),
                                        manifestEntry: manifest(for: url.deletingLastPathComponent())?.entry(for: url)))
            }
        }
        return (files, missing)
    }

    /// "sub/Acme Voorwaarden.pdf" → "sub/acme-voorwaarden".
    static func documentID(relativePath: String) -> String {
        var components = relativePath.split(separator: "/").map(String.init)
        if let last = components.popLast() {
            let name = (last as NSString).deletingPathExtension
            components.append(name.isEmpty ? last : name)
        }
        return components.map { slug($0) }.joined(separator: "/")
    }
}
