#ifndef RXFACTS_CSQLITE_SHIM_H
#define RXFACTS_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import: bind text through this wrapper so
// SQLite copies the bytes before the Swift buffer goes away.
static inline int shim_sqlite3_bind_text_copy(sqlite3_stmt *stmt, int index, const char *text, int byteCount) {
    return sqlite3_bind_text(stmt, index, text, byteCount, SQLITE_TRANSIENT);
}

#endif
