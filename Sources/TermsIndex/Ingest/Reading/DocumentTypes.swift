import Foundation

/// The file formats the reader understands.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, html, pdf, docx
}

/// One block of extracted text: a heading, a paragraph or a list item.
public struct TextBlock: Sendable, Equatable {
    /// What the block is, as far as the source format says.
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case listItem
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The repaired text of one document, in blocks, with what was repaired on the way.
public struct ExtractedText: Sendable {
    public var format: DocumentFormat
    public var blocks: [TextBlock]
    public var repairs: [Repair]
    /// `<title>`, or the first heading when the format has headings.
    public var title: String?

    public init(format: DocumentFormat, blocks: [TextBlock], repairs: [Repair], title: String?) {
        self.format = format
        self.blocks = blocks
        self.repairs = repairs
        self.title = title
    }

    /// All blocks' text, separated by blank lines.
    public var text: String { blocks.map(\.text).joined(separator: "\n\n") }
}

/// Limits that keep one bad file from taking the machine down.
public struct ReadLimits: Sendable {
    /// Files larger than this are refused.
    public var maxFileBytes: Int
    /// An external tool (pdftotext, unzip) is stopped after this many seconds.
    public var toolTimeout: Double
    /// Extracted text beyond this many bytes is refused (zip bombs, runaway PDFs).
    public var maxExtractedBytes: Int

    public init(maxFileBytes: Int = 256 << 20, toolTimeout: Double = 60, maxExtractedBytes: Int = 64 << 20) {
        self.maxFileBytes = maxFileBytes
        self.toolTimeout = toolTimeout
        self.maxExtractedBytes = maxExtractedBytes
    }

    /// 256 MB files, 60 s per tool run, 64 MB of extracted text.
    public static let `default` = ReadLimits()
}

/// Why a file could not be read.
public enum IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    /// Not text and not a supported format.
    case binary(path: String)
    /// An external tool is not installed; `tool` says how to get it.
    case toolMissing(tool: String)
    case toolFailed(tool: String, path: String, reason: String)
    case timedOut(tool: String, path: String, seconds: Double)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case malformed(path: String, reason: String)
    case encrypted(path: String)

    /// One line: what went wrong and where.
    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .binary(let path): return "\(path): not text and not a supported format (pdf, docx, html, markdown, text)"
        case .toolMissing(let tool): return "required tool not installed: \(tool)"
        case .toolFailed(let tool, let path, let reason): return "\(path): \(tool) failed: \(reason)"
        case .timedOut(let tool, let path, let seconds): return "\(path): \(tool) did not finish within \(Int(seconds)) s"
        case .tooLarge(let path, let bytes, let limit): return "\(path): \(bytes) bytes is over the limit of \(limit) bytes"
        case .malformed(let path, let reason): return "\(path): malformed: \(reason)"
        case .encrypted(let path): return "\(path): encrypted or password-protected PDF"
        }
    }
}
