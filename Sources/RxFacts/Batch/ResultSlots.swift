import Foundation

/// Slots written by concurrent workers, one per index, read after they all finish.
final class ResultSlots: @unchecked Sendable {
    private var storage: [Result<BatchExtractor.Output, InputError>?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<BatchExtractor.Output, InputError>) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Result<BatchExtractor.Output, InputError>?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
