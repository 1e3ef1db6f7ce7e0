import Foundation
import RxFactsStore
import RxSQL
import Testing

/// The PostgreSQL server the PostgreSQL store tests use: `RXFACTS_TEST_POSTGRES_URL`, or the
/// throwaway server `.ci/postgres.sh` starts (postgres://postgres@127.0.0.1:54329/rxfacts_test).
/// When it cannot be reached those tests are reported as skipped, never as passed.
enum PostgresTestServer {
    static let url =
        ProcessInfo.processInfo.environment["RXFACTS_TEST_POSTGRES_URL"]
        ?? "postgres://postgres@127.0.0.1:54329/rxfacts_test"

    static let isReachable: Bool = (try? PostgresConnection(url: withOption(url, "connect_timeout=3"))) != nil

    static let skipMessage: Comment =
        "PostgreSQL not reachable at \(url): run `eval \"$(.ci/postgres.sh)\"` or set RXFACTS_TEST_POSTGRES_URL"

    /// A URL whose connections work in a new, empty schema of their own.
    static func freshSchemaURL() throws -> DatabaseURL {
        let schema = "rxfacts_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        let admin = try PostgresConnection(url: url)
        try admin.execute("CREATE SCHEMA \(schema)")
        return .postgres(url: withOption(url, "options=-csearch_path%3D\(schema)"))
    }

    private static func withOption(_ url: String, _ option: String) -> String {
        url + (url.contains("?") ? "&" : "?") + option
    }
}
