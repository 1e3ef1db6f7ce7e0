#ifndef RXFACTS_CLIBXML2_SHIM_H
#define RXFACTS_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; ICU's UErrorCode then clashes with Foundation's
// copy in any module that sees both. Swift never allocates xmlCharEncodingHandler,
// so hiding the ICU member is harmless (see notes in the README).
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// xmlFree is a global mutable function pointer; Swift 6 rejects it as not
// concurrency-safe, so it is called through this wrapper.
static inline void shim_xmlFree(void *p) { xmlFree(p); }

static inline const char *shim_xmlVersion(void) { return LIBXML_DOTTED_VERSION; }

#endif
