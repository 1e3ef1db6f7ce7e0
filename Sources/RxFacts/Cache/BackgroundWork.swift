import Foundation

/// Work started on a thread of its own whose result one caller takes later: the two halves of a
/// start (reading compiled knowledge, parsing rule files) overlap on two cores this way.
///
/// A thread of its own, not a Dispatch queue: the caller may itself run on a Dispatch worker
/// (a batch, a test runner), and waiting there for work queued behind it can stall until
/// Dispatch adds a worker (a second, on one core).
final class BackgroundWork<Value, Failure: Error>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the working thread before `finished` is signalled; read only after.
    private var result: Result<Value, Failure>?
    private var taken = false

    init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        let thread = Thread { [self] in
            result = Result(catching: work)
            finished.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Waits for the work and hands its result over (or throws its error): this object keeps no
    /// reference to it, so the caller's copy is the only one (arrays grow in place). Nil when it
    /// was taken (or cancelled) before.
    func take() throws(Failure) -> Value? {
        guard !taken else { return nil }
        taken = true
        finished.wait()
        guard let value = result else { preconditionFailure("the work ended without a result") }
        result = nil
        return try value.get()
    }

    /// Waits for work whose result no one needs (so no thread outlives a failed start half-way
    /// through writing a cache file).
    func cancel() {
        guard !taken else { return }
        taken = true
        finished.wait()
        result = nil
    }
}
