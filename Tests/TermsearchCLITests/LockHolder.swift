import Foundation
import TermsIndex

/// Holds an index's write lock, as another indexing process would.
final class LockHolder {
    private var writer: IndexWriter?

    init(path: String) throws {
        writer = try IndexWriter(path: path)
    }

    func release() {
        try? writer?.close()
        writer = nil
    }
}
