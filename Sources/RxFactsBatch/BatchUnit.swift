import RxFacts
/// One piece of batch work, produced in input order by `InputWalker`: a file for a worker to
/// read, a zip member already read into memory, or an error found while walking (an archive
/// that cannot be opened, a corrupt member). Each unit ends as exactly one record or error.
enum BatchUnit: Sendable {
    /// A file (or `-`) read by the worker; `size` is its length on disk when known, `id` the
    /// document id to give it when its format names none.
    case path(String, size: Int, id: String?)
    /// A leaflet read out of a zip archive; its path is `outer.zip!inner.zip!label.xml`.
    case member(SourceInput)
    /// An input that failed before it could be read.
    case failure(InputError)

    /// Bytes this unit holds or will hold in memory, for bounding a window.
    var weight: Int {
        switch self {
        case .path(_, let size, _): return size
        case .member(let input): return input.bytes.count
        case .failure: return 0
        }
    }
}
