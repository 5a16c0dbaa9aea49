import CXapian

/// The version of the linked libxapian, e.g. "1.4.22".
public var xapianVersion: String { String(cString: cx_version_string()) }
