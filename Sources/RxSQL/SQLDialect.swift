/// Which engine a connection speaks to; decides the DDL and the transaction statement.
public enum SQLDialect: String, Sendable, Hashable {
    case sqlite
    case postgres
}
