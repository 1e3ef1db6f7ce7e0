import Foundation
import Testing
@testable import RxFacts

/// Work run on a thread of its own for a start (issue 15): its result or error reaches the one
/// caller that takes it, once.
@Suite struct BackgroundWorkTests {
    struct Failed: Error, Equatable { var reason: String }

    @Test func theResultIsHandedOverOnce() throws {
        let work = BackgroundWork { () throws(Failed) in (1...1000).reduce(0, +) }
        #expect(try work.take() == 500_500)
        #expect(try work.take() == nil)
        work.cancel()
    }

    @Test func anErrorReachesTheCaller() {
        let work = BackgroundWork { () throws(Failed) -> Int in throw Failed(reason: "no artifact") }
        #expect(throws: Failed(reason: "no artifact")) { try work.take() }
    }

    /// `cancel` returns only once the work has ended (a start that failed does not leave a thread
    /// writing the cache), and the result is then gone.
    @Test func cancelWaitsForTheWork() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("rxfacts-bg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: marker) }
        let work = BackgroundWork { () throws(Never) in
            Thread.sleep(forTimeInterval: 0.05)
            FileManager.default.createFile(atPath: marker.path, contents: Data("done".utf8))
        }
        work.cancel()
        #expect(FileManager.default.fileExists(atPath: marker.path))
        #expect(work.take() == nil)
    }

    /// Taken from inside Dispatch's own workers, as a batch or a test runner may: a thread of its
    /// own never waits behind them.
    @Test func takenFromEveryDispatchWorkerAtOnce() {
        let workers = ProcessInfo.processInfo.activeProcessorCount * 2
        let sums = ResultBox(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { i in
            let work = BackgroundWork { () throws(Never) in i * 10 }
            sums.set(i, work.take() ?? -1)
        }
        #expect(sums.values == (0..<workers).map { $0 * 10 })
    }

    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Int]
        init(count: Int) { stored = Array(repeating: -1, count: count) }
        func set(_ i: Int, _ value: Int) { lock.withLock { stored[i] = value } }
        var values: [Int] { lock.withLock { stored } }
    }
}
