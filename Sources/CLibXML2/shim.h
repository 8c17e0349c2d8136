#ifndef PAPERWORK_CLIBXML2_SHIM_H
#define PAPERWORK_CLIBXML2_SHIM_H

/* libxml2 pulls in ICU headers that clash with Foundation's ICU module. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

/* xmlFree is a global function pointer; calling it directly is not concurrency-safe in Swift 6. */
static inline void paperwork_xml_free(void *p) { xmlFree(p); }

#endif
