import Foundation
import Xapian
import XCTest

/// Gives each test its own temporary directory, removed afterwards.
class XapianTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("XapianTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// A path inside the test's directory.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A new document with `text` as data, indexed with positions, and optional extras.
    func document(_ text: String, unique: String? = nil, values: [Int: String] = [:],
                  stemmer: Stem? = nil) -> Document {
        let doc = Document()
        doc.setData(text)
        let generator = TermGenerator()
        if let stemmer { generator.setStemmer(stemmer) }
        generator.setDocument(doc)
        generator.indexText(text)
        if let unique { doc.addBooleanTerm(unique) }
        for (slot, value) in values { doc.setValue(slot, value) }
        return doc
    }

    /// Ids of the documents `query` matches, best first.
    func ids(_ query: Query, in database: Database, max: Int = 100) throws -> [DocumentID] {
        let enquire = Enquire(database: database)
        enquire.setQuery(query)
        return try enquire.mset(first: 0, maxItems: max).map(\.id)
    }

    /// Asserts that `body` throws a XapianError of `kind`, and returns it.
    @discardableResult
    func assertXapianError<T>(_ kind: XapianError.Kind, file: StaticString = #filePath, line: UInt = #line,
                              _ body: () throws -> T) -> XapianError? {
        do {
            _ = try body()
            XCTFail("expected a \(kind) error, got none", file: file, line: line)
        } catch let error as XapianError {
            XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
            return error
        } catch {
            XCTFail("expected XapianError, got \(error)", file: file, line: line)
        }
        return nil
    }
}
