#ifndef RXFACTS_CLIBPQ_SHIM_H
#define RXFACTS_CLIBPQ_SHIM_H

// Types and constants only: the library is not linked but opened at the first PostgreSQL
// connection (RxSQL's LibPQ), so a start that never connects does not load libpq and its
// dependencies. Debian installs the header in /usr/include/postgresql.
#include <postgresql/libpq-fe.h>

#endif
