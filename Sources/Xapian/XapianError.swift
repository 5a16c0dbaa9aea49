import CXapian
#if canImport(Glibc)
import Glibc
#endif

/// An error thrown by libxapian, carried across the C shim with its type name and message.
public struct XapianError: Error, CustomStringConvertible {
    /// The family of the error, mapped from the Xapian exception class.
    public enum Kind: Sendable, Equatable {
        /// DatabaseOpeningError (other than notFound and version).
        case opening
        /// DatabaseNotFoundError: no database at the path.
        case notFound
        /// DatabaseLockError: another writer holds the lock.
        case lock
        /// DatabaseModifiedError: the revision being read was overwritten; reopen() and retry.
        case modified
        /// DatabaseCorruptError.
        case corrupt
        /// DatabaseVersionError: unsupported on-disk format.
        case version
        /// Any other DatabaseError (including DatabaseClosedError and DatabaseCreateError).
        case database
        /// QueryParserError: a query string the parser rejected.
        case queryParser
        /// InvalidArgumentError.
        case invalidArgument
        /// InvalidOperationError (e.g. a write on a read-only database).
        case invalidOperation
        /// NetworkError.
        case network
        /// NetworkTimeoutError.
        case networkTimeout
        /// DocNotFoundError.
        case docNotFound
        /// RangeError.
        case range
        /// WildcardError: a wildcard expanded to too many terms.
        case wildcard
        /// UnimplementedError.
        case unimplemented
        /// FeatureUnavailableError.
        case featureUnavailable
        /// SerialisationError.
        case serialisation
        /// std::bad_alloc.
        case memory
        /// Anything else (InternalError, AssertionError, a std::exception, an unknown exception).
        case other
    }

    /// The family of the error.
    public let kind: Kind
    /// The Xapian class name, e.g. "DatabaseLockError".
    public let type: String
    /// The library's message.
    public let message: String
    /// The system error (errno) behind the failure, e.g. ENOSPC; nil when there is none.
    public let systemErrno: Int32?

    /// Creates an error by hand (for tests and callers that wrap Xapian behaviour).
    public init(kind: Kind, type: String, message: String, systemErrno: Int32? = nil) {
        self.kind = kind
        self.type = type
        self.message = message
        self.systemErrno = systemErrno
    }

    /// "Type: message (system error)", as Xapian prints it.
    public var description: String {
        guard let systemErrno else { return "\(type): \(message)" }
        return "\(type): \(message) (\(String(cString: strerror(systemErrno))))"
    }

    init(_ err: cx_error) {
        var err = err
        let type = withUnsafeBytes(of: &err.type) { decodeCString($0) }
        let message = withUnsafeBytes(of: &err.message) { decodeCString($0) }
        self.init(kind: Kind(code: Int(err.kind)), type: type, message: message,
                  systemErrno: err.sys_errno == 0 ? nil : err.sys_errno)
    }
}

extension XapianError.Kind {
    init(code: Int) {
        switch code {
        case Int(CX_ERR_OPENING): self = .opening
        case Int(CX_ERR_NOT_FOUND): self = .notFound
        case Int(CX_ERR_LOCK): self = .lock
        case Int(CX_ERR_MODIFIED): self = .modified
        case Int(CX_ERR_CORRUPT): self = .corrupt
        case Int(CX_ERR_VERSION): self = .version
        case Int(CX_ERR_DATABASE): self = .database
        case Int(CX_ERR_QUERY_PARSER): self = .queryParser
        case Int(CX_ERR_INVALID_ARGUMENT): self = .invalidArgument
        case Int(CX_ERR_INVALID_OPERATION): self = .invalidOperation
        case Int(CX_ERR_NETWORK): self = .network
        case Int(CX_ERR_NETWORK_TIMEOUT): self = .networkTimeout
        case Int(CX_ERR_DOC_NOT_FOUND): self = .docNotFound
        case Int(CX_ERR_RANGE): self = .range
        case Int(CX_ERR_WILDCARD): self = .wildcard
        case Int(CX_ERR_UNIMPLEMENTED): self = .unimplemented
        case Int(CX_ERR_FEATURE_UNAVAILABLE): self = .featureUnavailable
        case Int(CX_ERR_SERIALISATION): self = .serialisation
        case Int(CX_ERR_MEMORY): self = .memory
        default: self = .other
        }
    }
}

private func decodeCString(_ raw: UnsafeRawBufferPointer) -> String {
    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
}
