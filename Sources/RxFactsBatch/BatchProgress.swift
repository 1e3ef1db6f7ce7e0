import Foundation
import RxFacts

/// Where a batch stands: handed to the progress callback after each window.
package struct BatchProgress: Sendable, Hashable {
    /// Top-level inputs (files, archives) finished and in total.
    package var filesDone = 0
    package var filesTotal = 0
    /// Records and errors written so far.
    package var documents = 0
    /// On-disk bytes of the inputs read so far and in total (archives by compressed size).
    package var bytesDone = 0
    package var bytesTotal = 0
    /// Seconds since the batch started.
    package var elapsed: Double = 0

    package init() {}

    /// `rxfacts: 120/400 files, 118 docs, 12.3/41.0 MB, 45.2 MB/s, ETA 0:01`
    package var line: String {
        let done = Double(bytesDone) / 1_000_000
        let total = Double(bytesTotal) / 1_000_000
        let rate = elapsed > 0 ? done / elapsed : 0
        var eta = "?"
        if rate > 0, bytesTotal >= bytesDone {
            let seconds = Int(((total - done) / rate).rounded())
            eta =
                seconds >= 3600
                ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String(format: "%d:%02d", seconds / 60, seconds % 60)
        }
        return String(
            format: "rxfacts: %d/%d files, %d docs, %.1f/%.1f MB, %.1f MB/s, ETA %@",
            filesDone, filesTotal, documents, done, total, rate, eta)
    }
}
