import Testing
@testable import RxSQL

/// libpq is opened at the first PostgreSQL connection, not linked (issue 15: start-up).
@Suite struct LibPQTests {
    /// The library Debian installs loads, with every function the connection calls.
    @Test func theInstalledLibraryLoads() throws {
        let library = try LibPQ.load().get()
        #expect(library.libVersion() >= 100_000)
        #expect(PostgresConnection.libraryVersion == Int(library.libVersion()))
    }

    /// Without the library a connection fails with an error that says what to install.
    @Test func aMissingLibrarySaysWhatToInstall() {
        guard case .failure(let error) = LibPQ.load(files: ["libpq-absent.so.99"]) else {
            Issue.record("a library that does not exist loaded")
            return
        }
        #expect(error.code == "libpq")
        #expect(error.message.contains("apt-get install libpq5"))
    }
}
