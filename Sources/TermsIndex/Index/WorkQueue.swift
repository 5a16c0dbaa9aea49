import Foundation

/// A first-in first-out queue between threads; `pop()` waits for an element or for `close()`.
/// Bounding is left to the producer (the indexer keeps a fixed number of files in flight).
final class WorkQueue<Element>: @unchecked Sendable {
    private var elements: [Element?] = []
    private var head = 0
    private var closed = false
    private let condition = NSCondition()

    /// Adds an element and wakes one waiting consumer.
    func push(_ element: Element) {
        condition.lock()
        elements.append(element)
        condition.signal()
        condition.unlock()
    }

    /// The next element; nil once the queue is closed and empty.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == elements.count && !closed { condition.wait() }
        guard head < elements.count else { return nil }
        let element = elements[head]
        elements[head] = nil  // do not keep a consumed document alive
        head += 1
        if head > 64 && head * 2 > elements.count {
            elements.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Wakes every consumer; `pop()` returns nil once the queue is drained.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
