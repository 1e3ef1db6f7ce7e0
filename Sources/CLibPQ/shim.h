#ifndef RXFACTS_CLIBPQ_SHIM_H
#define RXFACTS_CLIBPQ_SHIM_H

// Debian installs libpq's headers in /usr/include/postgresql (pkg-config libpq gives -I).
#include <libpq-fe.h>

#endif
