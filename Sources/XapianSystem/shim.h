// libxapian is C++; Swift reaches it only through the CXapian shim. This module exists to link
// -lxapian as a system library and to tell SwiftPM which package provides it.
