internal import CLibXML2

/// Facts about the libxml2 build rxfacts is linked against.
public enum LibXML2 {
    /// The dotted version of libxml2 this binary was compiled against, e.g. "2.9.14".
    public static var version: String { String(cString: shim_xmlVersion()) }
}
