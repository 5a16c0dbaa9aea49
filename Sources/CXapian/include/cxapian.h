// Plain C interface over libxapian. Placeholder: the full shim lands with the Xapian wrapper.
#ifndef CXAPIAN_H
#define CXAPIAN_H
#ifdef __cplusplus
extern "C" {
#endif
/// The libxapian version string, e.g. "1.4.22".
const char *cx_version_string(void)
#ifdef __cplusplus
    noexcept
#endif
    ;
#ifdef __cplusplus
}
#endif
#endif
