import Foundation
import RxFacts

/// Slots written by concurrent workers, one per index, read after they all finish.
final class ResultSlots: @unchecked Sendable {
    private var storage: [Result<BatchExtractor.Output, InputError>?]
    private let lock = NSLock()
    private var claimed = 0

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<BatchExtractor.Output, InputError>) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// The next index no worker has taken yet, or nil when all are taken (workers pull work,
    /// so a slow document does not hold the others back).
    func claimNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < storage.count else { return nil }
        claimed += 1
        return claimed - 1
    }

    var values: [Result<BatchExtractor.Output, InputError>?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
