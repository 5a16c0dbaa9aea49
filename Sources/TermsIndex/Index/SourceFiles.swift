import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

/// The files below the paths a user gave, kept compact (a path, a size and a time per file) so
/// that listing hundreds of thousands of files costs tens of megabytes, not documents.
public struct SourceListing: Sendable {
    /// One file found: its absolute path, document id, size and modification time.
    public struct Entry: Sendable {
        public var path: String
        public var documentID: String
        public var size: Int64
        /// Nanoseconds since 1970.
        public var mtime: Int64
        /// Where to open the file when `path` cannot name it: a symbolic link with a UTF-8 name to a
        /// file whose name is not UTF-8 (`path` then shows the undecodable bytes as `%HH`).
        public var readPath: String? = nil

        /// The path to open the file by.
        public var openPath: String { readPath ?? path }
    }

    /// Files in a stable order (each folder's files sorted by path).
    public var entries: [Entry] = []
    /// Paths given that do not exist.
    public var missing: [String] = []
    /// Things found below the folders that cannot be indexed, with the reason: names that are not
    /// UTF-8, named pipes, sockets, devices, loops of symbolic links, links to nothing.
    public var unreadable: [FileFailure] = []
    /// Files that are not documents (images, archives, programs, fonts, media), with what they
    /// are: skipped and counted, never failed.
    public var skipped: [FileFailure] = []
    /// Folders given (absolute, standardised): records of files below them that were not found are
    /// stale.
    public var folders: [String] = []

    /// Total bytes of all entries.
    public var totalBytes: Int64 { entries.reduce(0) { $0 + $1.size } }

    /// Whether `path` lies below one of the folders given.
    public func isBelowFolders(_ path: String) -> Bool {
        folders.contains { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
}

/// Finds the files to index below the paths a user gives.
public enum SourceFiles {
    /// File names that are never documents.
    static let ignoredNames: Set<String> = [Manifest.fileName, "SOURCES.md", ".DS_Store", "Thumbs.db"]

    /// Walks `paths` (files or folders, recursively). Paths that do not exist come back as failures.
    public static func enumerate(_ paths: [String]) -> (files: [SourceFile], missing: [String]) {
        let listing = list(paths)
        let manifests = ManifestCache()
        let files = listing.entries.map { entry -> SourceFile in
            let url = URL(fileURLWithPath: entry.path)
            return SourceFile(url: url, documentID: entry.documentID, manifestEntry: manifests.entry(for: url))
        }
        return (files, listing.missing)
    }

    /// Walks `paths` (files or folders, recursively, skipping hidden files and folders), with each
    /// file's size and modification time.
    public static func list(_ paths: [String]) -> SourceListing {
        var listing = SourceListing()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                listing.missing.append(path)
                continue
            }
            let root = URL(fileURLWithPath: path).standardizedFileURL.path
            if !isDirectory.boolValue {
                if let kind = notADocument(root) {
                    listing.skipped.append(FileFailure(path: root, reason: "not a document (\(kind)); skipped"))
                } else if let (size, mtime) = regularFileStatus(root) {
                    listing.entries.append(.init(path: root, documentID: documentID(relativePath: (root as NSString).lastPathComponent),
                                                 size: size, mtime: mtime))
                }
                continue
            }
            listing.folders.append(root)
            var found: [SourceListing.Entry] = []
            walk(root, into: &found, unreadable: &listing.unreadable, skipped: &listing.skipped)
            found.sort { $0.path < $1.path }
            listing.entries += found
        }
        return listing
    }

    /// Walks the folder `root` with readdir, which sees every name as bytes (Foundation's walk
    /// silently drops names that are not UTF-8), skipping hidden entries and following links to
    /// folders once.
    static func walk(_ root: String, into found: inout [SourceListing.Entry], unreadable: inout [FileFailure],
                     skipped: inout [FileFailure]) {
        var pending: [(path: String, relative: String)] = [(root, "")]
        var visited = Set<[UInt64]>()
        while let (folder, relative) = pending.popLast() {
            var folderInfo = stat()
            guard stat(folder, &folderInfo) == 0, visited.insert([UInt64(folderInfo.st_dev), UInt64(folderInfo.st_ino)]).inserted,
                  let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let item = readdir(directory) {
                let nameBytes = withUnsafeBytes(of: item.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                guard nameBytes != Array(".".utf8), nameBytes != Array("..".utf8), nameBytes.first != UInt8(ascii: ".") else { continue }
                guard let name = String(validating: nameBytes, as: UTF8.self) else {
                    let shown = escaped(nameBytes)
                    let rawPath = Array(folder.utf8) + [UInt8(ascii: "/")] + nameBytes
                    if let entry = aliasEntry(rawPath: rawPath, shownPath: folder + "/" + shown,
                                              relativePath: relative.isEmpty ? shown : relative + "/" + shown) {
                        if let kind = notADocument(shown) {
                            skipped.append(FileFailure(path: entry.path, reason: "not a document (\(kind)); skipped"))
                        } else {
                            found.append(entry)
                        }
                    } else {
                        unreadable.append(FileFailure(path: folder + "/" + shown,
                                                      reason: "the name is not valid UTF-8 and it is not a regular file that can be linked to; rename it to index it"))
                    }
                    continue
                }
                guard !ignoredNames.contains(name) else { continue }
                let path = folder == "/" ? "/" + name : folder + "/" + name
                let relativePath = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                if stat(path, &info) != 0 {
                    let reason = errno == ELOOP ? "a loop of symbolic links" : "a symbolic link to nothing"
                    unreadable.append(FileFailure(path: path, reason: "cannot read: \(reason)"))
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append((path, relativePath))
                case S_IFREG:
                    if let kind = notADocument(name) {
                        skipped.append(FileFailure(path: path, reason: "not a document (\(kind)); skipped"))
                        continue
                    }
                    found.append(.init(path: path, documentID: documentID(relativePath: relativePath), size: Int64(info.st_size),
                                       mtime: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
                default:
                    let kind: String
                    switch info.st_mode & S_IFMT {
                    case S_IFIFO: kind = "a named pipe (FIFO)"
                    case S_IFSOCK: kind = "a socket"
                    default: kind = "a device"
                    }
                    unreadable.append(FileFailure(path: path, reason: "cannot read: \(kind), not a file"))
                }
            }
        }
    }

    /// Extensions of files that are never terms and conditions, by what they are.
    static let nonDocumentExtensions: [String: String] = {
        var map: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("an image", ["png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "svg", "ico", "heic", "psd", "eps"]),
            ("an archive", ["zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "zst", "jar", "cab", "iso", "dmg"]),
            ("a program or library", ["exe", "dll", "so", "dylib", "bin", "o", "a", "class", "msi", "deb", "rpm", "apk"]),
            ("audio or video", ["mp3", "mp4", "m4a", "wav", "ogg", "flac", "mov", "avi", "mkv", "webm"]),
            ("a font", ["ttf", "otf", "woff", "woff2", "eot"]),
            ("a spreadsheet or presentation", ["xls", "xlsx", "ppt", "pptx", "key", "numbers", "ods", "odp"]),
        ]
        for (kind, extensions) in groups { for e in extensions { map[e] = kind } }
        return map
    }()

    /// What the file at `path` is when its extension says it is not a document; nil otherwise.
    static func notADocument(_ path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return ext.isEmpty ? nil : nonDocumentExtensions[ext]
    }

    /// An entry for the regular file at `rawPath` (bytes that are not UTF-8), opened through a
    /// symbolic link with a UTF-8 name in a folder of the temporary directory (named by a hash of
    /// the bytes, so the same file gets the same link every run); nil for anything else.
    static func aliasEntry(rawPath: [UInt8], shownPath: String, relativePath: String) -> SourceListing.Entry? {
        var info = stat()
        let cPath = rawPath.map { CChar(bitPattern: $0) } + [0]
        guard stat(cPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-names-\(getuid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ext = (shownPath as NSString).pathExtension
        let alias = folder + "/" + ContentHash.hex(Data(rawPath)) + (ext.isEmpty ? "" : "." + ext)
        unlink(alias)
        guard symlink(cPath, alias) == 0 else { return nil }
        return SourceListing.Entry(path: shownPath, documentID: documentID(relativePath: relativePath), size: Int64(info.st_size),
                                   mtime: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec), readPath: alias)
    }

    /// A file name's bytes as text, bytes that are not UTF-8 as `%HH`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            // Take the longest valid UTF-8 run, escape one byte where there is none.
            var j = min(bytes.count, i + 4)
            var decoded: String?
            while j > i, decoded == nil {
                decoded = String(validating: bytes[i..<j], as: UTF8.self)
                if decoded == nil { j -= 1 }
            }
            if let decoded, j > i { out += decoded; i = j } else { out += String(format: "%%%02X", bytes[i]); i += 1 }
        }
        return out
    }

    /// Size and modification time (ns) of a regular file (following links); nil for anything else.
    static func regularFileStatus(_ path: String) -> (Int64, Int64)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
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

/// Each folder's manifest, loaded once; safe to share between ingest workers.
final class ManifestCache: @unchecked Sendable {
    private var manifests: [String: Manifest?] = [:]
    private let lock = NSLock()

    /// The manifest entry naming `url`, if its folder has a manifest.
    func entry(for url: URL) -> Manifest.Entry? {
        let folder = url.deletingLastPathComponent()
        lock.lock()
        let cached = manifests[folder.path]
        lock.unlock()
        let manifest: Manifest?
        if let cached {
            manifest = cached
        } else {
            manifest = (try? Manifest.load(in: folder)) ?? nil
            lock.lock()
            manifests[folder.path] = manifest
            lock.unlock()
        }
        return manifest?.entry(for: url)
    }
}
