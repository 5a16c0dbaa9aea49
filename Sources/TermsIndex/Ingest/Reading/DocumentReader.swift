import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a document file of any supported format into repaired text blocks.
public struct DocumentReader: Sendable {
    public var limits: ReadLimits
    /// Repairs applied to every document's text.
    public var repairer: TextRepairer

    /// A reader with the given limits and a repairer without corpus vocabulary.
    public init(limits: ReadLimits = .default) {
        self.limits = limits
        self.repairer = TextRepairer()
    }

    /// A reader whose hyphenation repair also trusts `vocabulary`.
    public init(limits: ReadLimits = .default, vocabulary: Set<String>) {
        self.limits = limits
        self.repairer = TextRepairer(vocabulary: vocabulary)
    }

    /// Reads the file at `url`.
    ///
    /// Only regular files are read (a FIFO would block forever, a device never ends). A text file
    /// over `limits.maxTextBytes` is refused after reading its first bytes, so a 200 MB log costs
    /// nothing.
    public func read(_ url: URL) throws -> ExtractedText {
        let path = url.path
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            if code == ENOENT {
                var link = stat()
                if lstat(path, &link) == 0 { throw IngestError.unreadable(path: path, reason: "a symbolic link to nothing") }
                throw IngestError.notFound(path: path)
            }
            if code == ELOOP { throw IngestError.unreadable(path: path, reason: "a loop of symbolic links") }
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(code)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw IngestError.unreadable(path: path, reason: "is a directory")
        case S_IFIFO: throw IngestError.unreadable(path: path, reason: "a named pipe (FIFO), not a regular file")
        case S_IFSOCK: throw IngestError.unreadable(path: path, reason: "a socket, not a regular file")
        default: throw IngestError.unreadable(path: path, reason: "a device, not a regular file")
        }
        let size = Int(info.st_size)
        if size > limits.maxFileBytes {
            throw IngestError.tooLarge(path: path, bytes: size, limit: limits.maxFileBytes)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            if size > limits.maxTextBytes {
                let head = try handle.read(upToCount: 8) ?? Data()
                if !DocumentReader.isContainer(head) {
                    throw IngestError.tooMuchText(path: path, what: "the file (\(ReadLimits.size(size)))", limit: limits.maxTextBytes)
                }
                data = head + (try handle.readToEnd() ?? Data())
            } else {
                data = try handle.readToEnd() ?? Data()
            }
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try read(data: data, fileExtension: DocumentReader.fileExtension(url.lastPathComponent), path: path, fileOnDisk: url)
    }

    /// "a.pdf" → "pdf"; Blade's double extensions whole: "b.blade.php" → "blade.php".
    static func fileExtension(_ name: String) -> String {
        let lower = name.lowercased()
        for double in ["blade.php", "blade.html"] where lower.hasSuffix("." + double) { return double }
        return (name as NSString).pathExtension
    }

    /// PDF, zip (docx, odt) and RTF files (pictures as hex) hold much less text than their size;
    /// only they may exceed `maxTextBytes`.
    static func isContainer(_ head: Data) -> Bool {
        head.starts(with: Array("%PDF-".utf8)) || head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: Array("{\\rtf".utf8))
    }

    /// Reads bytes that came from `path` (used in errors only); `fileExtension` is a hint.
    public func read(data: Data, fileExtension: String, path: String) throws -> ExtractedText {
        try read(data: data, fileExtension: fileExtension, path: path, fileOnDisk: nil)
    }

    private func read(data: Data, fileExtension: String, path: String, fileOnDisk: URL?) throws -> ExtractedText {
        if data.count > limits.maxFileBytes {
            throw IngestError.tooLarge(path: path, bytes: data.count, limit: limits.maxFileBytes)
        }
        let format = FormatSniffer.sniff(data, fileExtension: fileExtension)
        // A file named .pdf, .docx, .odt or .rtf that is not one is broken, not some other format.
        switch (fileExtension.lowercased(), format) {
        case ("docx", let f) where f != .docx:
            throw IngestError.malformed(path: path, reason: data.starts(with: [0x50, 0x4B]) ? "zip archive without word/document.xml" : "not a zip archive")
        case ("odt", let f) where f != .odt:
            throw IngestError.malformed(path: path, reason: data.starts(with: [0x50, 0x4B]) ? "zip archive without the OpenDocument text mimetype" : "not a zip archive")
        case ("rtf", let f) where f != .rtf:
            throw IngestError.malformed(path: path, reason: "RTF does not start with {\\rtf")
        case ("pdf", let f) where f != .pdf:
            throw IngestError.malformed(path: path, reason: "does not start with %PDF-")
        default:
            break
        }
        guard let format else { throw IngestError.binary(path: path) }
        if ![.pdf, .docx, .odt, .rtf].contains(format) && data.count > limits.maxTextBytes {
            throw IngestError.tooMuchText(path: path, what: "the text (\(ReadLimits.size(data.count)))", limit: limits.maxTextBytes)
        }
        var log = RepairLog()
        switch format {
        case .text:
            let (text, decodeRepairs) = TextDecoder.decode(data)
            try requireText(text, path: path)
            log.merge(decodeRepairs)
            let blocks = repairer.repairPlainText(text, log: &log)
            return ExtractedText(format: .text, blocks: blocks, repairs: log.repairs, title: nil)
        case .markdown:
            let (text, decodeRepairs) = TextDecoder.decode(data)
            try requireText(text, path: path)
            log.merge(decodeRepairs)
            let normalised = CharacterRepair.normaliseLineEndings(text, log: &log)
            let blocks = repairer.repair(blocks: MarkdownExtractor().extract(normalised), log: &log)
            let frontMatter = MarkdownExtractor.frontMatter(normalised.splitLines(omittingEmptySubsequences: false)).lines
            let title = MarkdownExtractor.frontMatterValue("title", in: frontMatter) ?? firstHeading(blocks)
            return ExtractedText(format: .markdown, blocks: blocks, repairs: log.repairs, title: title, asideLines: frontMatter)
        case .html, .jsx, .vue, .blade, .php:
            let (text, decodeRepairs) = TextDecoder.decode(data)
            try requireText(text, path: path)
            log.merge(decodeRepairs)
            let result: HTMLExtractor.Result
            switch format {
            case .jsx: result = TemplateExtractor(dialect: .jsx).extract(text)
            case .vue: result = TemplateExtractor(dialect: .vue).extract(text)
            case .blade, .php: result = TemplateExtractor(dialect: .server).extract(text)
            default: result = HTMLExtractor().extract(text)
            }
            let blocks = repairer.repair(blocks: result.blocks, log: &log)
            if blocks.isEmpty { throw IngestError.noText(path: path) }
            var title = result.title.map { CharacterRepair.apply($0, log: &log) }
            if title?.isEmpty ?? true { title = firstHeading(blocks) }
            return ExtractedText(format: format, blocks: blocks, repairs: log.repairs, title: title)
        case .rtf:
            let raw = try RTFExtractor().extract(data, path: path, limits: limits)
            return try structured(raw, format: .rtf, path: path, log: &log)
        case .odt:
            let xml = try withFile(data: data, fileOnDisk: fileOnDisk, path: path, suffix: "odt") { file in
                try OpenDocumentExtractor().contentXML(fileAt: file, limits: limits)
            }
            return try structured(OpenDocumentExtractor().extract(xml: xml), format: .odt, path: path, log: &log)
        case .pdf:
            let layout = try withFile(data: data, fileOnDisk: fileOnDisk, path: path, suffix: "pdf") { file in
                try PDFExtractor().layout(fileAt: file, limits: limits)
            }
            let (raw, runningLines) = layout.read()
            let textBytes = raw.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.text.utf8.count + 1 } }
            if textBytes > limits.maxTextBytes {
                throw IngestError.tooMuchText(path: path, what: "pdftotext's output (\(ReadLimits.size(textBytes)))", limit: limits.maxTextBytes)
            }
            if raw.allSatisfy({ $0.lines.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }) { throw IngestError.noText(path: path) }
            let blocks = repairer.repair(blocks: raw, log: &log)
            return ExtractedText(format: .pdf, blocks: blocks, repairs: log.repairs, title: layout.title, fileDate: layout.fileDate,
                                 runningLines: runningLines)
        case .docx:
            let (xml, numbering) = try withFile(data: data, fileOnDisk: fileOnDisk, path: path, suffix: "docx") { file in
                (try DocxExtractor().documentXML(fileAt: file, limits: limits), DocxExtractor().numbering(fileAt: file, limits: limits))
            }
            return try structured(DocxExtractor().extract(xml: xml, numbering: numbering), format: .docx, path: path, log: &log)
        }
    }

    /// Repaired blocks of a format that marks its own paragraphs (docx, odt, rtf), within the text limit.
    private func structured(_ raw: [RawBlock], format: DocumentFormat, path: String, log: inout RepairLog) throws -> ExtractedText {
        let textBytes = raw.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.text.utf8.count } }
        if textBytes > limits.maxTextBytes {
            throw IngestError.tooMuchText(path: path, what: "the text (\(ReadLimits.size(textBytes)))", limit: limits.maxTextBytes)
        }
        if textBytes == 0 { throw IngestError.noText(path: path) }
        let blocks = repairer.repair(blocks: raw, log: &log)
        return ExtractedText(format: format, blocks: blocks, repairs: log.repairs, title: firstHeading(blocks))
    }

    /// Throws `noText` when `text` has nothing but whitespace (and form feeds, BOMs, NULs).
    private func requireText(_ text: String, path: String) throws {
        let blank = text.unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0 == "\u{FEFF}" || $0 == "\u{0}" || $0 == "\u{200B}"
        }
        if blank { throw IngestError.noText(path: path) }
    }

    private func firstHeading(_ blocks: [TextBlock]) -> String? {
        blocks.first { if case .heading = $0.kind { return true } else { return false } }?.text
    }

    /// Runs `body` on a file holding `data`: the original file when there is one, else a
    /// temporary copy that is removed afterwards. Errors are re-labelled with the caller's path.
    private func withFile<T>(data: Data, fileOnDisk: URL?, path: String, suffix: String, _ body: (String) throws -> T) throws -> T {
        if let url = fileOnDisk { return try body(url.path) }
        let temp = FileManager.default.temporaryDirectory
            .appendingPathComponent("termsearch-\(UUID().uuidString).\(suffix)")
        do {
            try data.write(to: temp)
        } catch {
            throw IngestError.unreadable(path: temp.path, reason: "cannot write temporary copy: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: temp) }
        do {
            return try body(temp.path)
        } catch let error as IngestError {
            throw error.relabelled(from: temp.path, to: path)
        }
    }
}

extension IngestError {
    /// The same error naming `newPath` where it named `oldPath` (a temporary copy).
    func relabelled(from oldPath: String, to newPath: String) -> IngestError {
        func swap(_ p: String) -> String { p == oldPath ? newPath : p }
        switch self {
        case .notFound(let p): return .notFound(path: swap(p))
        case .unreadable(let p, let r): return .unreadable(path: swap(p), reason: r.replacingOccurrences(of: oldPath, with: newPath))
        case .binary(let p): return .binary(path: swap(p))
        case .toolMissing: return self
        case .toolFailed(let t, let p, let r): return .toolFailed(tool: t, path: swap(p), reason: r.replacingOccurrences(of: oldPath, with: newPath))
        case .timedOut(let t, let p, let s): return .timedOut(tool: t, path: swap(p), seconds: s)
        case .tooLarge(let p, let b, let l): return .tooLarge(path: swap(p), bytes: b, limit: l)
        case .malformed(let p, let r): return .malformed(path: swap(p), reason: r.replacingOccurrences(of: oldPath, with: newPath))
        case .encrypted(let p): return .encrypted(path: swap(p))
        case .tooMuchText(let p, let w, let l): return .tooMuchText(path: swap(p), what: w, limit: l)
        case .noText(let p): return .noText(path: swap(p))
        }
    }
}
