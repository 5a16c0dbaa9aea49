import Foundation

/// Hostile files that tests generate rather than commit.
public enum HostileTestFiles {
    /// Writes `bomb.docx`: a zip of a few hundred KB holding an `inflatedMB` word/document.xml.
    public static func makeZipBomb(in folder: URL, inflatedMB: Int) throws -> URL {
        let source = folder.appendingPathComponent("bomb-source")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("word"), withIntermediateDirectories: true)
        let xml = source.appendingPathComponent("word/document.xml")
        FileManager.default.createFile(atPath: xml.path, contents: nil)
        let handle = try FileHandle(forWritingTo: xml)
        let paragraph = Data(String(repeating: "<w:p><w:r><w:t>aaaa</w:t></w:r></w:p>", count: 28_000).utf8)
        var written = 0
        while written < inflatedMB << 20 { handle.write(paragraph); written += paragraph.count }
        try handle.close()
        let bomb = folder.appendingPathComponent("bomb.docx")
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        zip.arguments = ["-q", "-9", "-r", bomb.path, "word"]
        zip.currentDirectoryURL = source
        try zip.run()
        zip.waitUntilExit()
        try FileManager.default.removeItem(at: source)
        return bomb
    }
}
