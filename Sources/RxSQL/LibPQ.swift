internal import CLibPQ
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libpq, opened the first time a PostgreSQL connection is made (`dlopen`), not linked: a start of
/// rxfacts that never connects does not load libpq and the ~20 libraries it needs (Kerberos, LDAP,
/// GnuTLS, OpenSSL), which cost ~5 ms of every start on the reference machine. Types and constants
/// still come from Debian's `libpq-fe.h` (module `CLibPQ`, which no longer links the library); the
/// functions are looked up by name and called through pointers of the same C signatures.
struct LibPQ: Sendable {
    let connectdb: @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    let status: @convention(c) (OpaquePointer?) -> ConnStatusType
    let errorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let finish: @convention(c) (OpaquePointer?) -> Void
    let exec: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    let prepare:
        @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?) ->
            OpaquePointer?
    let execPrepared:
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
            UnsafePointer<Int32>?, Int32
        ) -> OpaquePointer?
    let clear: @convention(c) (OpaquePointer?) -> Void
    let resultStatus: @convention(c) (OpaquePointer?) -> ExecStatusType
    let resultErrorField: @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>?
    let resultErrorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let cmdTuples: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let ntuples: @convention(c) (OpaquePointer?) -> Int32
    let nfields: @convention(c) (OpaquePointer?) -> Int32
    let getisnull: @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    let getvalue: @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let ftype: @convention(c) (OpaquePointer?, Int32) -> Oid
    let libVersion: @convention(c) () -> Int32

    /// The library's file names, newest ABI first (Debian's `libpq5` installs `libpq.so.5`).
    static let names = ["libpq.so.5", "libpq.so", "libpq.5.dylib", "libpq.dylib"]

    /// libpq, loaded once per process; the error says how to install it when it is missing.
    static let shared: Result<LibPQ, DatabaseError> = load()

    /// Opens the first of `files` that loads and looks up every function this file uses.
    static func load(files: [String] = names) -> Result<LibPQ, DatabaseError> {
        var handle: UnsafeMutableRawPointer?
        for name in files {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(
                DatabaseError(
                    engine: "postgres", code: "libpq",
                    message:
                        "PostgreSQL needs the libpq client library, which cannot be loaded (\(reason)); install it (Debian: apt-get install libpq5)"
                ))
        }
        let names = [
            "PQconnectdb", "PQstatus", "PQerrorMessage", "PQfinish", "PQexec", "PQprepare", "PQexecPrepared",
            "PQclear", "PQresultStatus", "PQresultErrorField", "PQresultErrorMessage", "PQcmdTuples", "PQntuples",
            "PQnfields", "PQgetisnull", "PQgetvalue", "PQftype", "PQlibVersion",
        ]
        var addresses: [String: UnsafeMutableRawPointer] = [:]
        for name in names { addresses[name] = dlsym(handle, name) }
        let missing = names.filter { addresses[$0] == nil }
        guard missing.isEmpty else {
            return .failure(
                DatabaseError(
                    engine: "postgres", code: "libpq",
                    message:
                        "the libpq client library lacks \(missing.joined(separator: ", ")); install libpq 10 or newer"
                ))
        }
        // Every name was found above; each pointer is the C function of the field's signature.
        func function<F>(_ name: String) -> F { unsafeBitCast(addresses[name], to: F.self) }
        let library = LibPQ(
            connectdb: function("PQconnectdb"), status: function("PQstatus"), errorMessage: function("PQerrorMessage"),
            finish: function("PQfinish"), exec: function("PQexec"), prepare: function("PQprepare"),
            execPrepared: function("PQexecPrepared"), clear: function("PQclear"),
            resultStatus: function("PQresultStatus"), resultErrorField: function("PQresultErrorField"),
            resultErrorMessage: function("PQresultErrorMessage"), cmdTuples: function("PQcmdTuples"),
            ntuples: function("PQntuples"), nfields: function("PQnfields"), getisnull: function("PQgetisnull"),
            getvalue: function("PQgetvalue"), ftype: function("PQftype"), libVersion: function("PQlibVersion"))
        return .success(library)
    }
}
